using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LunaPoint.SharedKernel.Data;

/// <summary>
/// Applies a module's migrations at start. A database that is not reachable yet (PostgreSQL still
/// booting in a container) is retried with backoff instead of crashing the host; until then the
/// module is reported not ready.
/// </summary>
internal sealed partial class MigrationHostedService<TContext>(
    IServiceScopeFactory scopeFactory,
    ModuleDatabaseState<TContext> state,
    ILogger<MigrationHostedService<TContext>> logger) : BackgroundService
    where TContext : DbContext, IModuleDbContext
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                // EF reads the history table before creating it; on PostgreSQL that read fails and logs an
                // error on every first start. So: the database, then the history table, then the migrations.
                var creator = db.GetService<IRelationalDatabaseCreator>();
                if (!await creator.ExistsAsync(stoppingToken))
                {
                    await creator.CreateAsync(stoppingToken);
                }

                // (Npgsql's own existence check is that same failing read, so it is not asked either.)
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(stoppingToken);
                var before = (await db.Database.GetAppliedMigrationsAsync(stoppingToken)).Count();
                await db.Database.MigrateAsync(stoppingToken);
                var after = (await db.Database.GetAppliedMigrationsAsync(stoppingToken)).Count();
                LogMigrated(db.Schema, after - before);
                state.MarkMigrated();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                state.MarkFailed(ex.Message);
                LogFailed(typeof(TContext).Name, delay.TotalSeconds, ex.Message);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema {Schema} migrated ({Applied} migrations applied)")]
    private partial void LogMigrated(string schema, int applied);

    [LoggerMessage(Level = LogLevel.Error, Message = "Migrating {Context} failed; retrying in {DelaySeconds} s: {Error}")]
    private partial void LogFailed(string context, double delaySeconds, string error);
}
