using System.Text.Json.Serialization;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary><c>{"minutes": 15}</c> pauses for a while; <c>{}</c> or <c>{"minutes": null}</c> until resumed.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PauseRequest(int? Minutes = null);

/// <summary>"Pause all": no rule raises an alert until <see cref="Minutes"/> have passed or someone resumes.</summary>
internal sealed record PauseNotifications(int? Minutes, string By) : ICommand<PauseView>
{
    public const int MaxMinutes = 10_080;
}

internal sealed class PauseNotificationsHandler(NotificationsDbContext db, PauseBroadcast broadcast, ISender sender, TimeProvider clock)
    : ICommandHandler<PauseNotifications, PauseView>
{
    public async ValueTask<PauseView> Handle(PauseNotifications command, CancellationToken cancellationToken)
    {
        // Whole milliseconds: what is answered now reads back the same from either database.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var before = PauseMapping.ToView(await db.Pause.FindAsync([PauseState.SingletonId], cancellationToken), now);
        var state = await db.Pause.FindAsync([PauseState.SingletonId], cancellationToken);
        if (state is null)
        {
            state = new PauseState { PausedBy = command.By };
            db.Pause.Add(state);
        }

        state.PausedBy = command.By;
        state.PausedAt = now;
        state.Until = command.Minutes is { } minutes ? now.AddMinutes(minutes) : null;
        await db.SaveChangesAsync(cancellationToken);
        var after = PauseMapping.ToView(state, now);
        await sender.Send(new RecordAuditEntry(NotificationsModule.Name, "notifications.paused",
            Target: command.Minutes is { } m ? $"all notifications for {m} minute(s)" : "all notifications until resumed", Before: before, After: after), cancellationToken);
        await broadcast.SendAsync(after, cancellationToken);
        return after;
    }
}
