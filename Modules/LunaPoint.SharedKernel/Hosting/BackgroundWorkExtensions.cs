using LunaPoint.SharedKernel.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.SharedKernel.Hosting;

public static class BackgroundWorkExtensions
{
    /// <summary>What <see cref="BackgroundWork"/> needs; safe to call from every module.</summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModuleDatabases>();
        services.TryAddSingleton<BackgroundWork>();
        return services;
    }

    /// <summary>
    /// <c>Modules:&lt;module&gt;:Workers:Enabled</c> (default true): false runs the module's API and pages
    /// without its background workers, e.g. a second host that serves the console while the first one
    /// analyses video.
    /// </summary>
    public static bool WorkersEnabled(this IHostApplicationBuilder builder, string module) =>
        builder.Configuration.GetValue($"Modules:{module}:Workers:Enabled", true);

    /// <summary>Adds <typeparamref name="TWorker"/> as a hosted service unless the module's workers are switched off.</summary>
    public static IHostApplicationBuilder AddModuleWorker<TWorker>(this IHostApplicationBuilder builder, string module)
        where TWorker : class, IHostedService
    {
        builder.Services.AddBackgroundWork();
        if (builder.WorkersEnabled(module))
        {
            builder.Services.AddHostedService<TWorker>();
        }

        return builder;
    }
}
