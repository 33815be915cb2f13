using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>Events asks which lists a stream matches against and where it is (no source: nothing to mask).</summary>
internal sealed class GetStreamEventContextHandler(StreamsDbContext db) : IQueryHandler<GetStreamEventContext, StreamEventContext?>
{
    public async ValueTask<StreamEventContext?> Handle(GetStreamEventContext query, CancellationToken cancellationToken)
    {
        var stream = await db.Streams.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.StreamId, cancellationToken);
        return stream is null ? null : new StreamEventContext(stream.Id, stream.Name, stream.LocationAddress, StreamMapping.Settings(stream).Complete().ListIds ?? []);
    }
}
