using LunaPoint.Modules.Events.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// A batch that keeps failing while the database answers holds an item the database refuses (not an
/// outage): each item is then written alone, and one that still fails with the database reachable is
/// logged, counted and set aside so it cannot stop ingestion for ever. During an outage nothing is set aside.
/// </summary>
internal sealed partial class PoisonFilter(IServiceScopeFactory scopes, EventBatchWriter writer, IngestionMetrics metrics, ILogger<PoisonFilter> logger)
{
    /// <returns>False when the database cannot be reached (an outage: wait and retry the whole batch).</returns>
    public async Task<bool> TryIsolateAsync(IReadOnlyList<IngestItem> batch, PendingBuffer buffer, CancellationToken cancellationToken)
    {
        if (!await ReachableAsync(cancellationToken))
        {
            return false;
        }

        foreach (var item in batch)
        {
            try
            {
                await writer.WriteAsync([item], cancellationToken);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                if (!await ReachableAsync(cancellationToken))
                {
                    return false;
                }

                metrics.ShotFailed();
                LogRefused(ex, item.TrackId, item.GetType().Name);
            }

            buffer.Remove(item);
        }

        return true;
    }

    private async Task<bool> ReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EventsDbContext>().Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database refused {Item} of track {TrackId} on its own while reachable; it is set aside (not retried)")]
    private partial void LogRefused(Exception exception, Guid trackId, string item);
}
