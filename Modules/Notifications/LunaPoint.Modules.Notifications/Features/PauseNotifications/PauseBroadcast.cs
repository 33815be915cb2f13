using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Modules.Notifications.Live;
using Microsoft.AspNetCore.SignalR;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>After a pause or resume: evaluators see it at once, and every open console shows it.</summary>
internal sealed class PauseBroadcast(RuleCache cache, IHubContext<AlertsHub> hub)
{
    public async Task SendAsync(PauseView view, CancellationToken cancellationToken)
    {
        cache.Invalidate();
        await hub.Clients.All.SendAsync(AlertsHub.PauseChanged, view, cancellationToken);
    }
}

internal static class PauseMapping
{
    /// <summary>A pause whose time is over reads as none, whether or not its row was cleared yet.</summary>
    public static PauseView ToView(PauseState? state, DateTimeOffset now) =>
        state is { } p && (p.Until is null || p.Until > now) ? new PauseView(true, p.PausedBy, p.PausedAt, p.Until) : new PauseView(false, null, null, null);
}
