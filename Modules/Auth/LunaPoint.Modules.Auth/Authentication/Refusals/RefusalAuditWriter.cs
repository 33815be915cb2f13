using System.Text.Json;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Auth.Authentication.Refusals;

/// <summary>
/// Writes the refusal counts of <see cref="RefusalAuditBuffer"/>: one audit row per window, address, action
/// and reason, inserted once and then incremented. Waits briefly after the first refusal so a burst costs
/// one write, and writes what is left when the host stops.
/// </summary>
internal sealed partial class RefusalAuditWriter(
    RefusalAuditBuffer buffer,
    IServiceScopeFactory scopes,
    ModuleDatabaseState<AuthDbContext> database,
    TimeProvider clock,
    ILogger<RefusalAuditWriter> logger) : BackgroundService
{
    public static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.WhenMigrated(stoppingToken);
            while (await buffer.WaitAsync(stoppingToken))
            {
                await Task.Delay(FlushDelay, clock, stoppingToken);
                buffer.Acknowledge();
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        if (database.IsMigrated)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
            foreach (var (key, tally) in buffer.Tallies)
            {
                var count = tally.Take();
                if (count == 0)
                {
                    continue;
                }

                try
                {
                    await WriteAsync(db, key, tally, count, cancellationToken);
                }
                catch
                {
                    tally.Add(count); // not lost: the next flush tries again
                    throw;
                }
            }

            buffer.ForgetBefore(clock.GetUtcNow() - (2 * RefusalAuditBuffer.Window));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex);
            buffer.Signal();
        }
    }

    private static async Task WriteAsync(AuthDbContext db, RefusalKey key, RefusalTally tally, int count, CancellationToken cancellationToken)
    {
        if (tally.RowId is { } id
            && await db.AuditEntries.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Count, a => a.Count + count), cancellationToken) == 1)
        {
            return;
        }

        var entry = new AuditEntry
        {
            At = key.WindowStart,
            Module = AuthModule.Name,
            Action = key.Action,
            Succeeded = false,
            Target = $"requests from {key.Address}",
            IpAddress = key.Address,
            Count = count,
            DetailsJson = JsonSerializer.Serialize(new { before = (object?)null, after = new { reason = key.Reason, window = "1 minute" } }, Json),
        };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(entry).State = EntityState.Detached;
        tally.RowId = entry.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write refused-credential counts to the audit log; retrying")]
    private partial void LogFailed(Exception exception);
}
