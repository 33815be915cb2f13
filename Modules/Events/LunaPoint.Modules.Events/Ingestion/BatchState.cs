using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>The rows a batch touches, loaded with one query per table (tracked, so changes are saved).</summary>
internal sealed class BatchState
{
    public Dictionary<Guid, DetectionEvent> EventsByTrack { get; private init; } = [];

    public Dictionary<Guid, List<EventMatch>> MatchesByEvent { get; private init; } = [];

    public Dictionary<Guid, (string Name, string? ExternalId)> Faces { get; private set; } = [];

    public static async Task<BatchState> LoadAsync(EventsDbContext db, IReadOnlyList<IngestItem> batch, CancellationToken cancellationToken)
    {
        var trackIds = batch.Select(i => i.TrackId).Distinct().ToList();
        var events = await db.Events.Where(e => trackIds.Contains(e.TrackId)).ToDictionaryAsync(e => e.TrackId, cancellationToken);
        var eventIds = events.Values.Select(e => e.Id).ToList();
        var matches = eventIds.Count == 0 ? [] : await db.EventMatches.Where(m => eventIds.Contains(m.EventId)).ToListAsync(cancellationToken);
        return new BatchState
        {
            EventsByTrack = events,
            MatchesByEvent = events.Values.ToDictionary(e => e.Id, e => matches.Where(m => m.EventId == e.Id).ToList()),
        };
    }

    /// <summary>Names of the faces the batch matched; a face deleted since it was indexed is simply not found.</summary>
    public async Task LoadFacesAsync(EventsDbContext db, IEnumerable<Guid> faceIds, CancellationToken cancellationToken)
    {
        var ids = faceIds.Distinct().ToList();
        Faces = ids.Count == 0
            ? []
            : await db.Faces.AsNoTracking().Where(f => ids.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, f => (f.Name, f.ExternalId), cancellationToken);
    }
}
