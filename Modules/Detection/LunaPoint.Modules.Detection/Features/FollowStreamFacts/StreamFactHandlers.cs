using LunaPoint.Modules.Detection.Workers;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;

namespace LunaPoint.Modules.Detection.Features;

/// <summary>
/// Streams' facts start, restart and stop workers at once. Each one reconciles from the current state
/// rather than acting on the fact's content alone, so facts arriving out of order or twice do no harm.
/// </summary>
internal sealed class StreamFactHandlers(StreamWorkerHost workers, ISender sender) :
    INotificationHandler<StreamCreated>,
    INotificationHandler<StreamEnabled>,
    INotificationHandler<StreamChanged>,
    INotificationHandler<StreamDisabled>,
    INotificationHandler<StreamDeleted>,
    INotificationHandler<StreamStatusChanged>
{
    public ValueTask Handle(StreamCreated notification, CancellationToken cancellationToken) => ReconcileAsync(cancellationToken);

    public async ValueTask Handle(StreamEnabled notification, CancellationToken cancellationToken)
    {
        workers.Forget(notification.StreamId);
        await ReconcileAsync(cancellationToken);
    }

    public async ValueTask Handle(StreamChanged notification, CancellationToken cancellationToken)
    {
        workers.Forget(notification.StreamId);
        await ReconcileAsync(cancellationToken);
    }

    public async ValueTask Handle(StreamDisabled notification, CancellationToken cancellationToken) => await workers.StopAsync(notification.StreamId);

    public async ValueTask Handle(StreamDeleted notification, CancellationToken cancellationToken) => await workers.StopAsync(notification.StreamId);

    /// <summary>A licence pause arrives as a status change; a worker's own reports need nothing.</summary>
    public async ValueTask Handle(StreamStatusChanged notification, CancellationToken cancellationToken)
    {
        if (notification.To == StreamState.Paused)
        {
            await workers.StopAsync(notification.StreamId);
        }
    }

    private async ValueTask ReconcileAsync(CancellationToken cancellationToken)
    {
        if (workers.Enabled)
        {
            await workers.ReconcileAsync(await sender.Send(new GetStreamsToAnalyse(), cancellationToken), cancellationToken);
        }
    }
}
