using LunaPoint.Modules.Events.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// Publishes a committed batch's facts. The rows stand whatever a subscriber does: a failure here is
/// logged, never retried with the batch (that would store the shots twice).
/// </summary>
internal sealed partial class FactPublisher(IServiceScopeFactory scopes, ILogger<FactPublisher> logger)
{
    public async Task PublishAsync(IReadOnlyList<INotification> facts, CancellationToken cancellationToken)
    {
        if (facts.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();
        foreach (var fact in facts)
        {
            try
            {
                var publishing = fact switch
                {
                    WatchlistMatched matched => publisher.Publish(matched, cancellationToken),
                    UnknownFaceSeen unknown => publisher.Publish(unknown, cancellationToken),
                    _ => publisher.Publish(fact, cancellationToken),
                };
                await publishing;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                LogPublishFailed(ex, fact.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing {Fact} failed; the event is stored")]
    private partial void LogPublishFailed(Exception exception, string fact);
}
