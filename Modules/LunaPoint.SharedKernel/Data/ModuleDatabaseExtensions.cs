using Microsoft.EntityFrameworkCore;
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
            builder.Services.AddDbContext<TContext, TPostgres>(o => ModuleDbOptions.Configure(o, settings, schema), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            Directory.CreateDirectory(settings.DataDir);
            builder.Services.AddDbContext<TContext, TSqlite>(o => ModuleDbOptions.Configure(o, settings, schema), optionsLifetime: ServiceLifetime.Singleton);
        }

        builder.Services.AddSingleton<ModuleDatabaseState<TContext>>();
        builder.Services.AddHostedService<MigrationHostedService<TContext>>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck<TContext>>($"database:{schema}", tags: [ReadyTag]);
        return builder;
    }
}
