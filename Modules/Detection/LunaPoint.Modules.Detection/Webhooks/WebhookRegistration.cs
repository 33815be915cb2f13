using LunaPoint.Modules.Detection.Data;
using LunaPoint.SharedKernel.Hosting;
using LunaPoint.SharedKernel.Network;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Detection.Webhooks;

internal static class WebhookRegistration
{
    /// <summary>The outbox's wake-up, the sender and the dispatcher (a module worker: off with the module's workers).</summary>
    public static IHostApplicationBuilder AddDetectionWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.IsValid(out _), $"{WebhookOptions.Section} holds an invalid value (Timeout, GiveUpAfter and PollInterval positive, MaxParallel 1-64, BatchSize 1-1000).")
            .ValidateOnStart();
        builder.Services.AddOutboundAddressPolicy(builder.Configuration);
        // No redirects: a receiver's 3xx is a failure to fix in settings, not a hop to a host nobody configured.
        // The factory's own request logging is removed: it would print the URL, secrets and all.
        builder.Services.AddHttpClient(WebhookSender.ClientName, c =>
            {
                c.Timeout = Timeout.InfiniteTimeSpan; // WebhookOptions.Timeout governs each POST
                c.DefaultRequestHeaders.UserAgent.ParseAdd(WebhookSender.UserAgent);
            })
            .UseOutboundAddressPolicy()
            .ConfigurePrimaryHttpMessageHandler((handler, _) => ((SocketsHttpHandler)handler).AllowAutoRedirect = false)
            .RemoveAllLoggers();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddSingleton<WebhookDelivering>();
        builder.Services.AddSingleton<WebhookSaveInterceptor>();
        builder.Services.AddKeyedSingleton<IInterceptor>(typeof(DetectionDbContext), (sp, _) => sp.GetRequiredService<WebhookSaveInterceptor>());
        builder.AddModuleWorker<WebhookDispatcher>(DetectionModule.Name);
        return builder;
    }
}
