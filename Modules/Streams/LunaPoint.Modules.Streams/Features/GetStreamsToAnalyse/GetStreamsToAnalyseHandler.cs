using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>The enabled streams with their real sources, for Detection's workers (never for people: nothing is masked).</summary>
internal sealed class GetStreamsToAnalyseHandler(StreamsDbContext db) : IQueryHandler<GetStreamsToAnalyse, IReadOnlyList<StreamToAnalyse>>
{
    public async ValueTask<IReadOnlyList<StreamToAnalyse>> Handle(GetStreamsToAnalyse query, CancellationToken cancellationToken)
    {
        var streams = await db.Streams.AsNoTracking().Where(s => s.Enabled).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return streams.Select(s => new StreamToAnalyse(
            s.Id, s.Name, StreamTypes.Name(s.Type), s.Source, s.Endless, s.LocationAddress, StreamMapping.Settings(s).Complete(), StreamMapping.ToState(s.Status))).ToList();
    }
}
