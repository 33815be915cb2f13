using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// The event index's best events. A time range reads only its days' partitions and a stream only its
/// entries; what the index cannot filter (list, matched, age, gender, liveness, the exact times within the
/// first and last day) is checked on the rows of an over-fetched set of hits.
/// </summary>
internal sealed class EventCandidates(EventsDbContext db, EventIndex events, IOptions<EventSearchOptions> options)
{
    public async Task<IReadOnlyList<EventCandidate>> FindAsync(float[] descriptor, int limit, float minCosine, EventFilter filter, Guid? skipEvent, CancellationToken cancellationToken)
    {
        var rowFilters = filter.HasRowFilters || filter.From is not null || filter.To is not null;
        var fetch = (rowFilters ? limit * options.Value.FilteredOverfetch : limit) + (skipEvent is null ? 0 : 1);
        var owners = filter.StreamId is { } stream ? new HashSet<Guid> { stream } : null;
        var hits = events.Index.Search(descriptor, new IndexQuery<DateOnly>(fetch, minCosine, events.PartitionsBetween(filter.From, filter.To), owners))
            .Where(h => h.Id != skipEvent).ToList();
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Id).ToList();
        var rows = await (filter with { FaceId = null }).Apply(db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)), db)
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        return hits.Where(h => rows.ContainsKey(h.Id)).Take(limit).Select(h =>
        {
            var e = rows[h.Id];
            return new EventCandidate(
                Similarity.Round(Similarity.FromCosine(h.Cosine)),
                e.Id,
                e.StreamId,
                e.StreamName,
                e.Location,
                e.StartedAt,
                EventMapping.TopMatch(e),
                EventMapping.ImageUrl(e.Id, "face"));
        }).ToList();
    }
}
