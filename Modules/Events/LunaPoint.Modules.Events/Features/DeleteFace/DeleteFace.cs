using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

/// <summary>Deletes a face from every list, with its photos, images and index entries.</summary>
internal sealed record DeleteFace(Guid Id) : ICommand;

internal sealed class DeleteFaceHandler(EventsDbContext db, FaceRemoval removal, ISender sender) : ICommandHandler<DeleteFace>
{
    public async ValueTask<Unit> Handle(DeleteFace command, CancellationToken cancellationToken)
    {
        var face = await db.FindFaceAsync(command.Id, cancellationToken);
        await removal.DeleteFacesAsync([face.Id], cancellationToken);
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "face.deleted", Target: $"face {face.Name} ({face.Id})"), cancellationToken);
        return Unit.Value;
    }
}
