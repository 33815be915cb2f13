using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

/// <summary>Enrols a new face in a list from one photo (the largest face, or <paramref name="FaceIndex"/>).</summary>
internal sealed record CreateFace(Guid ListId, string? Name, string? ExternalId, string? UserData, byte[] Photo, int? FaceIndex) : ICommand<FaceDto>;

internal sealed class CreateFaceHandler(EventsDbContext db, PhotoEnroller enroller, FaceWriter writer, ISender sender) : ICommandHandler<CreateFace, FaceDto>
{
    public async ValueTask<FaceDto> Handle(CreateFace command, CancellationToken cancellationToken)
    {
        FaceFields.Check(
            ("name", FaceFields.NameError(command.Name)),
            ("externalId", FaceFields.ExternalIdError(command.ExternalId)),
            ("userData", FaceFields.UserDataError(command.UserData, out var userData)));
        var list = await db.FindListAsync(command.ListId, cancellationToken);
        // The photo is analysed before the enrolment turn is taken: the turn covers only count and write.
        var photo = await enroller.AnalyseAsync(command.Photo, command.FaceIndex, cancellationToken);
        var face = await writer.CreateAsync(list.Id, command.Name!, string.IsNullOrEmpty(command.ExternalId) ? null : command.ExternalId, userData, photo, cancellationToken);
        var dto = await db.FaceDtoAsync(face, cancellationToken);
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "face.created", Target: $"face {face.Name} ({face.Id}) in list {list.Name}"), cancellationToken);
        return dto;
    }
}
