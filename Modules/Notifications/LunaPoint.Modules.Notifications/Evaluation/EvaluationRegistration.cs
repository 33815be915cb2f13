using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Notifications.Evaluation;

internal static class EvaluationRegistration
{
    /// <summary>
    /// Facts → alerts. The fact writer runs on every host (the facts are published in this process and
    /// would otherwise be dropped); the stream health watcher and the escalation worker are the module's
    /// workers (<c>Modules:Notifications:Workers:Enabled</c>).
    /// </summary>
    public static IHostApplicationBuilder AddNotificationEvaluation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.AddBackgroundWork();
        services.AddSingleton<EvaluationMetrics>();
        services.AddSingleton<FactQueue>();
        services.AddScoped<FactEvaluator>();
        services.AddHostedService<FactWriter>();
        builder.AddModuleWorker<StreamHealthWatcher>(NotificationsModule.Name);
        builder.AddModuleWorker<EscalationWorker>(NotificationsModule.Name);
        return builder;
    }
}
