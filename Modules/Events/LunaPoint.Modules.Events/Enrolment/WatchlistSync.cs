using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Matching;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>
/// Keeps <see cref="WatchlistIndex"/> in step with the rows, after each commit: a photo is in the
/// partition of every list its face belongs to. The ingestion's matcher reads the same index, so what is
/// enrolled matches from the next best shot on, and what is deleted stops matching at once.
/// </summary>
internal sealed class WatchlistSync(WatchlistIndex watchlists, EventsDbContext db)
{
    public void AddPhotos(IReadOnlyCollection<Guid> listIds, IReadOnlyList<(Guid PhotoId, Guid FaceId, float[] Descriptor)> photos)
    {
        foreach (var listId in listIds)
        {
            watchlists.Index.AddRange(listId, photos);
        }
    }

    public void RemovePhotos(IEnumerable<Guid> photoIds)
    {
        foreach (var photoId in photoIds)
        {
            watchlists.Index.RemoveEverywhere(photoId);
        }
    }

    public void RemoveList(Guid listId) => watchlists.Index.RemovePartition(listId);

    /// <summary>A face joined <paramref name="added"/> and left <paramref name="removed"/>: its photos follow.</summary>
    public async Task MoveAsync(Guid faceId, IReadOnlyCollection<Guid> added, IReadOnlyCollection<Guid> removed, CancellationToken cancellationToken)
    {
        var photos = await db.FacePhotos.AsNoTracking().Where(p => p.FaceId == faceId)
            .Select(p => new { p.Id, p.Descriptor }).ToListAsync(cancellationToken);
        foreach (var listId in removed)
        {
            foreach (var photo in photos)
            {
                watchlists.Index.Remove(listId, photo.Id);
            }
        }

        AddPhotos(added, photos.Select(p => (p.Id, faceId, DescriptorCodec.ToFloats(p.Descriptor))).ToList());
    }
}
