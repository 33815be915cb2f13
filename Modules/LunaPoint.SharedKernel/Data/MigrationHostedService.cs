using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
                // Asking for applied migrations before the history table exists makes EF run a query that
                // fails and logs an error on every first start; ask whether the table exists first.
                var history = db.GetService<IHistoryRepository>();
                var before = await history.ExistsAsync(stoppingToken) ? (await db.Database.GetAppliedMigrationsAsync(stoppingToken)).Count() : 0;
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
