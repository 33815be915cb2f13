using LunaPoint.SharedKernel.Hosting;
using LunaPoint.SharedKernel.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Notifications.Dispatch;

internal static class DispatchRegistration
{
    /// <summary>
    /// The console and webhook senders, the dispatcher's parts, and the dispatcher itself (a module worker:
    /// off with <c>Modules:Notifications:Workers:Enabled=false</c>). Other channels' senders register
    /// themselves as <see cref="IChannelSender"/>; the dispatcher gives each a lane.
    /// </summary>
    public static IHostApplicationBuilder AddNotificationDispatch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutboundAddressPolicy(builder.Configuration);
        // No redirects: a 3xx is a setting to fix, not a hop to a host nobody configured. The factory's
        // request logging is removed: it would print the URL, query tokens and all.
        builder.Services.AddHttpClient(WebhookSender.ClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // Dispatch:WebhookTimeoutSeconds governs each POST
                c.DefaultRequestHeaders.UserAgent.ParseAdd("LunaPoint-Notifications/1.0");
            })
            .UseOutboundAddressPolicy()
            .ConfigurePrimaryHttpMessageHandler((handler, _) => ((SocketsHttpHandler)handler).AllowAutoRedirect = false)
            .RemoveAllLoggers();
        builder.Services.AddSingleton<IChannelSender, ConsoleSender>();
        builder.Services.AddSingleton<IChannelSender, WebhookSender>();
        builder.Services.AddSingleton<DispatchMetrics>();
        builder.Services.AddSingleton<DeliveryOutcomes>();
        builder.Services.AddSingleton<DeliverySending>();
        builder.AddModuleWorker<NotificationDispatcher>(NotificationsModule.Name);
        return builder;
    }
}
