using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Matching;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>The watchlist index's best (face, list) pairs, with the names the rows hold now.</summary>
internal sealed class FaceCandidates(EventsDbContext db, WatchlistIndex watchlist)
{
    public async Task<IReadOnlyList<FaceCandidate>> FindAsync(float[] descriptor, int limit, float minCosine, Guid? skipFace, CancellationToken cancellationToken)
    {
        // The searched face itself takes one place per list it is in: asked for on top, then left out.
        var room = skipFace is { } skip ? await db.ListMembers.CountAsync(m => m.FaceId == skip, cancellationToken) : 0;
        var hits = watchlist.Index.Search(descriptor, new IndexQuery<Guid>(limit + room, minCosine, DistinctOwners: true))
            .Where(h => h.Owner != skipFace).Take(limit).ToList();
        if (hits.Count == 0)
        {
            return [];
        }

        var faceIds = hits.Select(h => h.Owner).Distinct().ToList();
        var listIds = hits.Select(h => h.Partition).Distinct().ToList();
        var names = await db.Faces.AsNoTracking().Where(f => faceIds.Contains(f.Id))
            .Select(f => new { f.Id, f.Name, f.ExternalId }).ToDictionaryAsync(f => f.Id, cancellationToken);
        var lists = await db.Lists.AsNoTracking().Where(l => listIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);

        var photoIds = hits.Select(h => h.Id).Distinct().ToList();
        var withImage = (await db.FacePhotos.AsNoTracking().Where(p => photoIds.Contains(p.Id) && p.ImagePath != null)
            .Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();

        // A face or list deleted while this search ran is left out rather than answered nameless.
        return hits.Where(h => names.ContainsKey(h.Owner) && lists.ContainsKey(h.Partition))
            .Select(h => new FaceCandidate(
                Similarity.Round(Similarity.FromCosine(h.Cosine)),
                h.Owner,
                h.Partition,
                lists[h.Partition],
                names[h.Owner].Name,
                names[h.Owner].ExternalId,
                h.Id,
                withImage.Contains(h.Id) ? $"/api/v1/faces/{h.Owner}/photos/{h.Id}.jpg" : null))
            .ToList();
    }
}
