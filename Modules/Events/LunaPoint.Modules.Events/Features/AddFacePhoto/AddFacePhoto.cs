using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>One more photo of a face (matched in every list of the face from then on).</summary>
internal sealed record AddFacePhoto(Guid FaceId, byte[] Photo, int? FaceIndex) : ICommand<FacePhotoDto>;

internal sealed class AddFacePhotoHandler(EventsDbContext db, PhotoEnroller enroller, FaceWriter writer, ISender sender) : ICommandHandler<AddFacePhoto, FacePhotoDto>
{
    public async ValueTask<FacePhotoDto> Handle(AddFacePhoto command, CancellationToken cancellationToken)
    {
        var face = await db.FindFaceAsync(command.FaceId, cancellationToken);
        var photo = await enroller.AnalyseAsync(command.Photo, command.FaceIndex, cancellationToken);
        var lists = await db.ListMembers.AsNoTracking().Where(m => m.FaceId == face.Id).Select(m => m.ListId).ToListAsync(cancellationToken);
        var hadDescriptor = await db.FacePhotos.AnyAsync(p => p.FaceId == face.Id, cancellationToken);
        var row = await writer.AddPhotoAsync(face, lists, hadDescriptor, photo, cancellationToken);
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "face.photoAdded", Target: $"face {face.Name} ({face.Id}), photo {row.Id}"), cancellationToken);
        return new FacePhotoDto(row.Id, FaceUrls.Photo(face.Id, row.Id), row.Quality, row.DescriptorModel, row.CreatedAt);
    }
}
