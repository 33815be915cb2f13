using Mediator;

namespace LunaPoint.Host;

/// <summary>
/// Delivers a fact to each of its subscribers in turn and isolates them: a subscriber that throws is
/// logged with the fact and its own name, and the others still run. The publisher's request, whose
/// changes are already committed, never fails because of a subscriber (ADR 0006). Effects that must not
/// be lost do not rely on this one delivery: their consumers also reconcile from state.
/// </summary>
internal sealed partial class IsolatingNotificationPublisher(ILogger<IsolatingNotificationPublisher> logger) : INotificationPublisher
{
    public async ValueTask Publish<TNotification>(NotificationHandlers<TNotification> handlers, TNotification notification, CancellationToken cancellationToken)
        where TNotification : INotification
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler.Handle(notification, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The caller gave up (request aborted, shutdown): that is its business, not a subscriber failure.
                throw;
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(ex, typeof(TNotification).Name, handler.GetType().FullName ?? handler.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscriber {Subscriber} failed to handle {Fact}; the other subscribers still ran and the publisher's request stands")]
    private partial void LogSubscriberFailed(Exception exception, string fact, string subscriber);
}
