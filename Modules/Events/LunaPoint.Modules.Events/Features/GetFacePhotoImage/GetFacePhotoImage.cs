using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Images;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>The JPEG crop of a face's photo; 404 for an unknown face or photo, or an imported descriptor (no image).</summary>
internal sealed record GetFacePhotoImage(Guid FaceId, Guid PhotoId) : IQuery<byte[]>;

internal sealed class GetFacePhotoImageHandler(EventsDbContext db, ImageStore images) : IQueryHandler<GetFacePhotoImage, byte[]>
{
    public async ValueTask<byte[]> Handle(GetFacePhotoImage query, CancellationToken cancellationToken)
    {
        var path = await db.FacePhotos.AsNoTracking().Where(p => p.Id == query.PhotoId && p.FaceId == query.FaceId)
            .Select(p => p.ImagePath).FirstOrDefaultAsync(cancellationToken);
        return await images.ReadAsync(path, cancellationToken) ?? throw new NotFoundException("Photo", query.PhotoId);
    }
}
