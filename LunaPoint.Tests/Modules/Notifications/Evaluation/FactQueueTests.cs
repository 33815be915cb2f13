using System.Diagnostics.Metrics;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications;
using LunaPoint.Modules.Notifications.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>A full queue holds the publisher back for a bounded time, then drops the fact — counted in the metric, never silently.</summary>
public sealed class FactQueueTests
{
    [Fact]
    public async Task FullQueue_DropsAfterTheWait_AndCountsIt()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var dropped = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "lunapoint.notifications.facts.dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref dropped, value));
        listener.Start();
        var options = Options.Create(new NotificationsOptions { Evaluation = new EvaluationOptions { QueueCapacity = 1, EnqueueWaitMilliseconds = 50 } });
        var metrics = new EvaluationMetrics(services.GetRequiredService<IMeterFactory>());
        var queue = new FactQueue(options, metrics, NullLogger<FactQueue>.Instance);

        await queue.EnqueueAsync(new UnknownFaceSeen(EvaluationKit.Shot()), CancellationToken.None);
        await queue.EnqueueAsync(new UnknownFaceSeen(EvaluationKit.Shot()), CancellationToken.None);

        Assert.Equal(1, queue.Count);
        Assert.Equal(1, metrics.Dropped);
        Assert.Equal(1, Interlocked.Read(ref dropped));
        Assert.False(queue.IsIdle); // the queued one is still owed

        queue.Complete();
        await queue.EnqueueAsync(new UnknownFaceSeen(EvaluationKit.Shot()), CancellationToken.None);
        Assert.Equal(2, metrics.Dropped);
    }
}
