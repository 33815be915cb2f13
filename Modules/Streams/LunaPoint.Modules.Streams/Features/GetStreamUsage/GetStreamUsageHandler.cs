using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>Licensing asks how many streams exist and are enabled (the query lives in Contracts).</summary>
internal sealed class GetStreamUsageHandler(StreamsDbContext db) : IQueryHandler<GetStreamUsage, StreamUsage>
{
    public async ValueTask<StreamUsage> Handle(GetStreamUsage query, CancellationToken cancellationToken) =>
        new(await db.Streams.CountAsync(cancellationToken), await db.Streams.CountAsync(s => s.Enabled, cancellationToken));
}
