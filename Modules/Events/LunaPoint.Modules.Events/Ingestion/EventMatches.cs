using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>Keeps an event's event_matches equal to its latest shot's candidates, best first, and its top match columns.</summary>
internal static class EventMatches
{
    public static void Replace(
        EventsDbContext db, DetectionEvent row, List<EventMatch> current, IReadOnlyList<Candidate> candidates,
        IReadOnlyDictionary<Guid, (string Name, string? ExternalId)> faces)
    {
        // Updated in place where the key stays: EF cannot delete and re-add one key in a single save.
        foreach (var gone in current.Where(m => !candidates.Any(c => c.FaceId == m.FaceId && c.ListId == m.ListId)).ToList())
        {
            db.EventMatches.Remove(gone);
            current.Remove(gone);
        }

        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var candidate = candidates[rank];
            var match = current.Find(m => m.FaceId == candidate.FaceId && m.ListId == candidate.ListId);
            if (match is null)
            {
                match = new EventMatch { EventId = row.Id, FaceId = candidate.FaceId, ListId = candidate.ListId, StartedAt = row.StartedAt, Name = "" };
                db.EventMatches.Add(match);
                current.Add(match);
            }

            match.Rank = rank;
            match.Similarity = Similarity.Round(candidate.Similarity);
            match.Name = faces[candidate.FaceId].Name;
        }

        var top = candidates.Count > 0 ? candidates[0] : null;
        row.TopFaceId = top?.FaceId;
        row.TopListId = top?.ListId;
        row.TopName = top is null ? null : faces[top.FaceId].Name;
        row.TopSimilarity = top is null ? null : Similarity.Round(top.Similarity);
    }
}
