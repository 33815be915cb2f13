using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>JSON merge patch of a face: name, externalId, userData, and listIds (its whole membership, at least one list).</summary>
internal sealed record PatchFace(Guid Id, MergePatch Patch) : ICommand<FaceDto>;

internal sealed class PatchFaceHandler(EventsDbContext db, EnrolmentGate gate, FaceQuota quota, WatchlistSync sync, ISender sender, TimeProvider clock)
    : ICommandHandler<PatchFace, FaceDto>
{
    public static readonly string[] Fields = ["name", "externalId", "userData", "listIds"];

    public async ValueTask<FaceDto> Handle(PatchFace command, CancellationToken cancellationToken)
    {
        var face = await db.FindFaceAsync(command.Id, cancellationToken);
        var patch = command.Patch;
        var name = patch.Has("name") ? patch.String("name") : face.Name;
        var externalId = patch.Has("externalId") ? patch.String("externalId") : face.ExternalId;
        var userData = patch.Has("userData") ? patch.Json("userData") : face.UserDataJson;
        FaceFields.Check(("name", FaceFields.NameError(name)), ("externalId", FaceFields.ExternalIdError(externalId)), ("userData", FaceFields.UserDataError(userData, out var normalised)));
        var before = await db.FaceDtoAsync(face, cancellationToken);
        face.Name = name!.Trim();
        face.ExternalId = string.IsNullOrEmpty(externalId) ? null : externalId;
        face.UserDataJson = normalised;
        face.UpdatedAt = clock.GetUtcNow();
        if (!patch.Has("listIds"))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await MoveAsync(face, await WantedListsAsync(patch.Guids("listIds"), cancellationToken), cancellationToken);
        }

        var after = await db.FaceDtoAsync(face, cancellationToken);
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "face.changed", Target: $"face {face.Name} ({face.Id})", Before: before, After: after), cancellationToken);
        return after;
    }

    private async Task<IReadOnlyList<Guid>> WantedListsAsync(IReadOnlyList<Guid> wanted, CancellationToken cancellationToken)
    {
        wanted = wanted.Distinct().ToList();
        if (wanted.Count is 0 or > 100)
        {
            throw MergePatch.Invalid("listIds", "listIds must name between 1 and 100 lists: a face in no list would match nothing; delete it instead.");
        }

        var found = await db.Lists.AsNoTracking().Where(l => wanted.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        var missing = wanted.Except(found).ToList();
        return missing.Count == 0 ? wanted : throw MergePatch.Invalid("listIds", $"No such list: {string.Join(", ", missing)}.");
    }

    private async Task MoveAsync(Face face, IReadOnlyList<Guid> wanted, CancellationToken cancellationToken)
    {
        var current = await db.ListMembers.Where(m => m.FaceId == face.Id).ToListAsync(cancellationToken);
        var added = wanted.Except(current.Select(m => m.ListId)).ToList();
        var removed = current.Where(m => !wanted.Contains(m.ListId)).ToList();
        using (await gate.EnterAsync(cancellationToken))
        {
            // Joining a list makes it larger (largeLists); the face counts against the licence once already.
            await quota.EnsureListsAsync(added, 1, cancellationToken);
            db.ListMembers.RemoveRange(removed);
            db.ListMembers.AddRange(added.Select(id => new ListMember { ListId = id, FaceId = face.Id, AddedAt = face.UpdatedAt }));
            await db.SaveChangesAsync(cancellationToken);
        }

        await sync.MoveAsync(face.Id, added, [.. removed.Select(m => m.ListId)], cancellationToken);
    }
}
