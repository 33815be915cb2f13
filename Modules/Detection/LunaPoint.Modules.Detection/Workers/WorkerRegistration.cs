using LunaPoint.Modules.Detection.Features;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Detection.Workers;

internal static class WorkerRegistration
{
    /// <summary>The stream workers, their supervisor and the live figures they keep.</summary>
    public static IHostApplicationBuilder AddStreamWorkers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBackgroundWork();
        services.AddSingleton<StreamRuntimes>();
        var workersEnabled = builder.WorkersEnabled(DetectionModule.Name);
        services.AddSingleton(sp =>
        {
            var host = ActivatorUtilities.CreateInstance<StreamWorkerHost>(sp);
            host.Enabled = workersEnabled; // off: stream facts start nothing either
            return host;
        });
        services.AddSingleton<BestShotEmitter>();
        services.AddSingleton<BestShotEstimates>();
        services.AddSingleton<StreamIsoCheck>();
        services.AddSingleton<BodyShotEmitter>();
        services.AddSingleton<DetectionLicence>();
        services.AddMetrics();
        services.AddTransient<StreamWorker>();
        services.AddOptions<LiveViewOptions>().Bind(builder.Configuration.GetSection(LiveViewOptions.Section));
        builder.AddModuleWorker<StreamSupervisor>(DetectionModule.Name);
        return builder;
    }
}
