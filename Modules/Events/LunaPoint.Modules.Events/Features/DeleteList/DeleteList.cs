using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// Deletes a list and every face that belongs to no other list (with its photos and images): a face in no
/// list matches nothing and nobody could find it in the console, yet would count against the licence.
/// Faces also in other lists stay there.
/// </summary>
internal sealed record DeleteList(Guid Id) : ICommand<DeletedList>;

/// <param name="FacesDeleted">Faces deleted with the list (those in no other list).</param>
internal sealed record DeletedList(Guid Id, long FacesDeleted);

internal sealed class DeleteListHandler(EventsDbContext db, FaceRemoval removal, WatchlistSync sync, ISender sender, LunaPoint.Modules.Events.Ingestion.ListCatalog catalog) : ICommandHandler<DeleteList, DeletedList>
{
    public async ValueTask<DeletedList> Handle(DeleteList command, CancellationToken cancellationToken)
    {
        var list = await db.FindListAsync(command.Id, cancellationToken);
        var before = await db.ListDtoAsync(list, cancellationToken);
        var ownFaces = await db.ListMembers.AsNoTracking()
            .Where(m => m.ListId == list.Id && !db.ListMembers.Any(o => o.FaceId == m.FaceId && o.ListId != list.Id))
            .Select(m => m.FaceId).ToListAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await removal.DeleteFacesAsync(ownFaces, cancellationToken, afterCommit: false);
            db.Lists.Remove(list);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        removal.Committed();
        sync.RemoveList(list.Id);
        // Matching reads list names, colours and thresholds from the catalog: the next batch reloads them.
        catalog.Invalidate();
        await sender.Send(new RecordAuditEntry(EventsModule.Name, "list.deleted", Target: $"list {list.Name} ({list.Id}), {ownFaces.Count} face(s) with it", Before: before), cancellationToken);
        return new DeletedList(list.Id, ownFaces.Count);
    }
}
