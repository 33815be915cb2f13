using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// The one consumer of the shot queue: reads shots into a bounded in-memory buffer and writes them in
/// batches. When the database fails it keeps the batch, waits with backoff and goes on reading the
/// queue meanwhile (so Detection is not held up) until the buffer is full; then unmatched shots make
/// room and matched ones push back on the queue. Starts once the indexes are loaded.
/// </summary>
internal sealed partial class IngestionWorker(
    ShotQueue queue, EventBatchWriter writer, PoisonFilter poison, ShotMatcher matcher, ListCatalog catalog, WatchlistIndex watchlists,
    EventIndex events, ModuleDatabases databases, IngestionMetrics metrics, IOptions<EventsOptions> options, TimeProvider clock,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    private readonly IngestionOptions _options = options.Value.Ingestion;
    private PendingBuffer? _buffer;
    private int _droppedThisOutage;

    private PendingBuffer Buffer => _buffer ??= new PendingBuffer(Math.Max(1, _options.MaxBufferedShots), s => matcher.MaybeMatches(s.Shot.Descriptor, catalog.Current));

    private RetryPolicy Retry => new(TimeSpan.FromMilliseconds(Math.Max(1, _options.RetryFirstDelayMs)), TimeSpan.FromMilliseconds(Math.Max(_options.RetryFirstDelayMs, _options.RetryMaxDelayMs)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await databases.WhenAllMigrated(stoppingToken);
            await Task.WhenAll(watchlists.Readiness.WhenReady, events.Readiness.WhenReady).WaitAsync(stoppingToken);
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DrainAsync();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            if (Buffer.Count == 0)
            {
                await queue.Reader.WaitToReadAsync(cancellationToken);
            }

            // Healthy: read no further than one batch, so a slow database pushes back on the queue instead of
            // filling the outage buffer (and dropping shots) while nothing is wrong.
            Pull(Math.Max(1, _options.BatchSize));
            var batch = Buffer.Peek(Math.Max(1, _options.BatchSize));
            try
            {
                await writer.WriteAsync(batch, cancellationToken);
                Buffer.RemoveFirst(batch.Count);
                if (failures > 0)
                {
                    LogRecovered(failures, Buffer.Shots);
                }

                failures = 0;
                _droppedThisOutage = 0;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                failures++;
                var wait = Retry.DelayAfter(failures, Random.Shared);
                LogWriteFailed(ex, batch.Count, Buffer.Shots, failures, wait.TotalSeconds);
                if (failures >= 3 && await poison.TryIsolateAsync(batch, Buffer, cancellationToken))
                {
                    failures = 0;
                    continue;
                }

                await WaitBufferingAsync(wait, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Moves what the queue holds into the buffer, up to <paramref name="limit"/> items and while it has room
    /// (dropping unmatched shots past the bound; the first drops of an outage are logged one by one, then every 100th).
    /// </summary>
    private void Pull(int limit = int.MaxValue)
    {
        while (Buffer.Count < limit && Buffer.CanTake && queue.Reader.TryRead(out var item))
        {
            foreach (var dropped in Buffer.Add(item))
            {
                metrics.ShotDropped();
                if (++_droppedThisOutage <= 10 || metrics.Dropped % 100 == 0)
                {
                    LogDropped(dropped.Shot.StreamId, dropped.Shot.TrackId, dropped.Shot.Kind.ToString(), _options.MaxBufferedShots, metrics.Dropped);
                }
            }
        }
    }

    /// <summary>Waits out a backoff while still taking shots off the queue, so Detection's publisher is held only when the buffer is full.</summary>
    private async Task WaitBufferingAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var delay = Task.Delay(wait, clock, cancellationToken);
        while (!delay.IsCompleted)
        {
            Pull();
            if (!Buffer.CanTake)
            {
                break;
            }

            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var readable = queue.Reader.WaitToReadAsync(stopWaiting.Token).AsTask();
            if (await Task.WhenAny(delay, readable) == delay)
            {
                await stopWaiting.CancelAsync();
                await readable.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        await delay;
    }

    /// <summary>At host stop: writes what is buffered and queued within <see cref="IngestionOptions.DrainSeconds"/>.</summary>
    private async Task DrainAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(0, _options.DrainSeconds)), clock);
        try
        {
            while (!grace.IsCancellationRequested)
            {
                Pull(Math.Max(1, _options.BatchSize));
                if (Buffer.Count == 0)
                {
                    return;
                }

                var batch = Buffer.Peek(Math.Max(1, _options.BatchSize));
                await writer.WriteAsync(batch, grace.Token);
                Buffer.RemoveFirst(batch.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || grace.IsCancellationRequested)
        {
            LogDrainFailed(ex);
        }

        if (Buffer.Shots + queue.Count > 0)
        {
            LogNotWritten(Buffer.Shots + queue.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Items} best shots failed ({Failures} in a row; {Buffered} shots buffered); retrying in {DelaySeconds:0.0} s")]
    private partial void LogWriteFailed(Exception exception, int items, int buffered, int failures, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Best shots are written again after {Failures} failures; {Buffered} shots buffered")]
    private partial void LogRecovered(int failures, int buffered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped an unmatched best shot (stream {StreamId}, track {TrackId}, {Kind}): the database is unavailable and {Bound} shots are buffered; {Total} dropped so far")]
    private partial void LogDropped(Guid streamId, Guid trackId, string kind, int bound, long total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing buffered best shots at stop failed")]
    private partial void LogDrainFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Shots} best shots were not written before the host stopped")]
    private partial void LogNotWritten(int shots);
}
