using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>Ends a pause (removes its row). Resuming when nothing is paused changes nothing but is still audited.</summary>
internal sealed record ResumeNotifications(string By) : ICommand<PauseView>;

internal sealed class ResumeNotificationsHandler(NotificationsDbContext db, PauseBroadcast broadcast, ISender sender, TimeProvider clock)
    : ICommandHandler<ResumeNotifications, PauseView>
{
    public async ValueTask<PauseView> Handle(ResumeNotifications command, CancellationToken cancellationToken)
    {
        var state = await db.Pause.FindAsync([PauseState.SingletonId], cancellationToken);
        var before = PauseMapping.ToView(state, clock.GetUtcNow());
        if (state is not null)
        {
            db.Pause.Remove(state);
            await db.SaveChangesAsync(cancellationToken);
        }

        var after = PauseMapping.ToView(null, clock.GetUtcNow());
        await sender.Send(new RecordAuditEntry(NotificationsModule.Name, "notifications.resumed", Target: "all notifications", Before: before, After: after, ActorName: null), cancellationToken);
        await broadcast.SendAsync(after, cancellationToken);
        return after;
    }
}
