using LunaPoint.Host;
using Mediator;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Tests.Platform;

/// <summary>The host's fact publisher runs every subscriber and never throws a subscriber's failure at the publisher.</summary>
public sealed class IsolatingNotificationPublisherTests
{
    [Fact]
    public async Task ThrowingSubscriber_IsLogged_AndTheOthersStillRun()
    {
        var lines = new CollectedLines();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(lines));
        var publisher = new IsolatingNotificationPublisher(loggers.CreateLogger<IsolatingNotificationPublisher>());
        var before = new Subscriber();
        var after = new Subscriber();
        var handlers = new NotificationHandlers<Fact>(new INotificationHandler<Fact>[] { before, new Throwing(), after }, isArray: true);

        await publisher.Publish(handlers, new Fact(), CancellationToken.None);

        Assert.Equal(1, before.Calls);
        Assert.Equal(1, after.Calls);
        var line = Assert.Single(lines.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains(nameof(Throwing), line.Message);
        Assert.IsType<InvalidOperationException>(line.Exception);
    }

    [Fact]
    public async Task CancelledPublisher_GetsItsCancellation()
    {
        using var loggers = LoggerFactory.Create(_ => { });
        var publisher = new IsolatingNotificationPublisher(loggers.CreateLogger<IsolatingNotificationPublisher>());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await publisher.Publish(new NotificationHandlers<Fact>(new INotificationHandler<Fact>[] { new Cancellable() }, isArray: true), new Fact(), cancelled.Token));
    }

    public sealed record Fact : INotification;

    private sealed class Subscriber : INotificationHandler<Fact>
    {
        public int Calls { get; private set; }

        public ValueTask Handle(Fact notification, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Throwing : INotificationHandler<Fact>
    {
        public ValueTask Handle(Fact notification, CancellationToken cancellationToken) => throw new InvalidOperationException("subscriber bug");
    }

    private sealed class Cancellable : INotificationHandler<Fact>
    {
        public async ValueTask Handle(Fact notification, CancellationToken cancellationToken) => await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
