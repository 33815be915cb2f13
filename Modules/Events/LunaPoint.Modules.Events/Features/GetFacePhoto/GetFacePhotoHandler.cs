using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Images;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>Notifications asks for a face's photo to show beside an alert: the best-quality one that has an image.</summary>
internal sealed class GetFacePhotoHandler(EventsDbContext db, ImageStore images) : IQueryHandler<GetFacePhoto, FacePhotoImage?>
{
    public async ValueTask<FacePhotoImage?> Handle(GetFacePhoto query, CancellationToken cancellationToken)
    {
        var photos = await db.FacePhotos.AsNoTracking().Where(p => p.FaceId == query.FaceId && p.ImagePath != null)
            .OrderByDescending(p => p.Quality).ThenBy(p => p.Id).Select(p => new { p.Id, p.ImagePath }).Take(5).ToListAsync(cancellationToken);
        foreach (var photo in photos)
        {
            // A file removed by hand is skipped rather than failing the alert.
            if (await images.ReadAsync(photo.ImagePath, cancellationToken) is { } jpeg)
            {
                return new FacePhotoImage(query.FaceId, photo.Id, jpeg);
            }
        }

        return null;
    }
}
