using LunaPoint.Modules.Events.Features;
using LunaPoint.Modules.Events.Retention;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Events.Ingestion;

internal static class IngestionRegistration
{
    /// <summary>
    /// Ingestion (best shots → events), the index loader and retention. The loader runs on every host
    /// (search needs the indexes); the writer and retention are the module's workers
    /// (<c>Modules:Events:Workers:Enabled</c>).
    /// </summary>
    public static IHostApplicationBuilder AddEventsIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        var consumer = builder.WorkersEnabled(EventsModule.Name);
        services.AddSingleton(sp => new ShotQueue(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EventsOptions>>(), consumer));
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<ListCatalog>();
        services.AddSingleton<StreamContextCache>();
        services.AddSingleton<ShotMatcher>();
        services.AddSingleton<TrackMemory>();
        services.AddSingleton<FactPublisher>();
        services.AddSingleton<EventBatchWriter>();
        services.AddSingleton<PoisonFilter>();
        services.AddSingleton<RetentionSweep>();
        services.AddBackgroundWork();
        services.AddHostedService<IndexLoader>();
        builder.AddModuleWorker<IngestionWorker>(EventsModule.Name);
        builder.AddModuleWorker<RetentionWorker>(EventsModule.Name);
        return builder;
    }
}
