using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// Deletes one photo of a face. The last one may go too: the face then has no descriptor, matches
/// nothing and no longer counts against the licence until a photo is added.
/// </summary>
internal sealed record DeleteFacePhoto(Guid FaceId, Guid PhotoId) : ICommand;

internal sealed class DeleteFacePhotoHandler(EventsDbContext db, FaceRemoval removal, ISender sender) : ICommandHandler<DeleteFacePhoto>
{
    public async ValueTask<Unit> Handle(DeleteFacePhoto command, CancellationToken cancellationToken)
    {
        var photo = await db.FacePhotos.FirstOrDefaultAsync(p => p.Id == command.PhotoId && p.FaceId == command.FaceId, cancellationToken)
            ?? throw new NotFoundException("Photo", command.PhotoId);
        db.FacePhotos.Remove(photo);
        await db.SaveChangesAsync(cancellationToken);
        removal.AfterCommit([(photo.Id, photo.ImagePath)]);
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "face.photoDeleted", Target: $"face {photo.FaceId}, photo {photo.Id}"), cancellationToken);
        return Unit.Value;
    }
}
