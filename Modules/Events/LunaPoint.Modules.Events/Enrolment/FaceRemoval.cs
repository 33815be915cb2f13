using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Images;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>Deletes faces with their photos, image files and index entries (a face, or a list's own faces).</summary>
internal sealed class FaceRemoval(EventsDbContext db, ImageStore images, WatchlistSync sync, FaceCount count)
{
    private readonly List<(Guid Id, string? Path)> _pending = [];

    /// <summary>Deletes the faces (rows cascade to list_faces and face_photos); files and index entries go after the commit.</summary>
    /// <param name="afterCommit">false when the caller commits its own transaction: it calls <see cref="Committed"/> then.</param>
    public async Task DeleteFacesAsync(IReadOnlyCollection<Guid> faceIds, CancellationToken cancellationToken, bool afterCommit = true)
    {
        var photos = _pending;
        foreach (var chunk in faceIds.Chunk(1000))
        {
            photos.AddRange((await db.FacePhotos.AsNoTracking().Where(p => chunk.Contains(p.FaceId))
                .Select(p => new { p.Id, p.ImagePath }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.ImagePath)));
            await db.Faces.Where(f => chunk.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        if (afterCommit)
        {
            Committed();
        }
    }

    /// <summary>The deletes are committed: their files, index entries and the remembered count go.</summary>
    public void Committed()
    {
        AfterCommit(_pending);
        _pending.Clear();
    }

    /// <summary>What follows a commit that deleted photos: their files, their index entries, the remembered count.</summary>
    public void AfterCommit(IReadOnlyCollection<(Guid Id, string? Path)> photos)
    {
        sync.RemovePhotos(photos.Select(p => p.Id));
        foreach (var (_, path) in photos)
        {
            images.Delete(path);
        }

        count.Forget();
    }
}
