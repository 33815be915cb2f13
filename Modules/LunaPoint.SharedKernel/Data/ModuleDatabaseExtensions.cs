using LunaPoint.SharedKernel.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.SharedKernel.Data;

public static class ModuleDatabaseExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers a module's DbContext for the configured provider. <typeparamref name="TPostgres"/> and
    /// <typeparamref name="TSqlite"/> exist only so each provider has its own migrations; the module
    /// itself always asks for <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddModuleDatabase<TContext, TPostgres, TSqlite>(this IHostApplicationBuilder builder, string schema)
        where TContext : DbContext, IModuleDbContext
        where TPostgres : TContext
        where TSqlite : TContext
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.TryAddSingleton(settings);
        // Options are built once per process, not per request: the provider set-up is the same every time.
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<TContext, TPostgres>((sp, o) => Configure<TContext>(sp, o, settings, schema), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            Directory.CreateDirectory(settings.DataDir);
            builder.Services.AddDbContext<TContext, TSqlite>((sp, o) => Configure<TContext>(sp, o, settings, schema), optionsLifetime: ServiceLifetime.Singleton);
        }

        builder.Services.AddSingleton<ModuleDatabaseState<TContext>>();
        builder.Services.AddSingleton<IModuleDatabaseState>(sp => sp.GetRequiredService<ModuleDatabaseState<TContext>>());
        builder.Services.AddBackgroundWork();
        builder.Services.AddHostedService<MigrationHostedService<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck<TContext>>($"database:{schema}", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Interceptors registered for this context (keyed by its type) join its options: cross-cutting
    /// concerns such as metrics, and fault injection in tests that prove a failed write is recovered.
    /// </summary>
    private static void Configure<TContext>(IServiceProvider services, DbContextOptionsBuilder options, DatabaseSettings settings, string schema)
    {
        ModuleDbOptions.Configure(options, settings, schema);
        var interceptors = services.GetKeyedServices<IInterceptor>(typeof(TContext)).ToArray();
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }
    }
}
