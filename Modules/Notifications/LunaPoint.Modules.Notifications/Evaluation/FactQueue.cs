using System.Threading.Channels;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// Facts waiting for the alert writer. Handlers only enqueue, so the publisher (Events' ingestion writer,
/// right after its commit) is held up for microseconds, not for an alert's transaction or a database
/// outage. Bounded: when full the publisher waits up to <see cref="EvaluationOptions.EnqueueWaitMilliseconds"/>
/// (backpressure), then the fact is dropped, logged and counted, never silently.
/// </summary>
internal sealed partial class FactQueue(IOptions<NotificationsOptions> options, EvaluationMetrics metrics, ILogger<FactQueue> logger)
{
    private readonly Channel<INotification> _channel = Channel.CreateBounded<INotification>(
        new BoundedChannelOptions(Math.Max(1, options.Value.Evaluation.QueueCapacity)) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private long _enqueued;
    private long _finished;

    public ChannelReader<INotification> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;

    /// <summary>True when every fact taken so far has been evaluated (raised, skipped or dropped).</summary>
    public bool IsIdle => Interlocked.Read(ref _finished) == Interlocked.Read(ref _enqueued);

    public async ValueTask EnqueueAsync(INotification fact, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _enqueued);
        if (_channel.Writer.TryWrite(fact))
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.Evaluation.EnqueueWaitMilliseconds);
        try
        {
            await _channel.Writer.WriteAsync(fact, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Drop(fact, "queue full");
        }
        catch (ChannelClosedException)
        {
            Drop(fact, "host stopping");
        }
        catch (OperationCanceledException)
        {
            Drop(fact, "publisher cancelled");
            throw;
        }
    }

    /// <summary>The writer finished one fact, whatever came of it.</summary>
    public void Finished() => Interlocked.Increment(ref _finished);

    /// <summary>No more facts: the writer is stopping; later ones are dropped (logged and counted).</summary>
    public void Complete() => _channel.Writer.TryComplete();

    public void Drop(INotification fact, string reason)
    {
        metrics.FactDropped(fact.GetType().Name, reason);
        LogDropped(fact.GetType().Name, reason, Describe(fact));
        Finished();
    }

    /// <summary>Enough to find the fact again (the event, the limit), without the face crop.</summary>
    public static string Describe(INotification fact) => fact switch
    {
        Events.Contracts.WatchlistMatched m => $"event {m.Shot.EventId} (stream {m.Shot.StreamId}, face {m.TopMatch.FaceId})",
        Events.Contracts.UnknownFaceSeen u => $"event {u.Shot.EventId} (stream {u.Shot.StreamId})",
        _ => fact.ToString() ?? fact.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped the {Fact} fact without evaluating it ({Reason}): no alert was raised for {Detail}")]
    private partial void LogDropped(string fact, string reason, string? detail);
}
