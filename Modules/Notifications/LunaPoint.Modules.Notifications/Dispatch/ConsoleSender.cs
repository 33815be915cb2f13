using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;
using Microsoft.AspNetCore.SignalR;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// The console channel: pushes the alert to every console connected to <see cref="AlertsHub"/>
/// (<c>alertRaised</c>). "Sent" means pushed to the consoles connected at that moment; a console that
/// connects later lists the alert through <c>GET /api/v1/alerts</c>, so nobody misses one.
/// </summary>
internal sealed class ConsoleSender(IHubContext<AlertsHub> hub) : IChannelSender
{
    public ChannelType Channel => ChannelType.Console;

    public Task SendAsync(Delivery delivery, Alert alert, CancellationToken cancellationToken) =>
        hub.Clients.All.SendAsync(AlertsHub.AlertRaised, AlertMapping.ToView(alert, alert.FaceJpeg is { Length: > 0 }), cancellationToken);
}
