using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Ingestion;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// Detection's best shot joins the ingestion queue. The publisher awaits a full queue (backpressure)
/// rather than losing the shot; the writer does the rest in batches.
/// </summary>
internal sealed class IngestBestShotHandler(ShotQueue queue) : INotificationHandler<FaceBestShotCaptured>
{
    public async ValueTask Handle(FaceBestShotCaptured notification, CancellationToken cancellationToken)
    {
        if (queue.HasConsumer)
        {
            await queue.WriteAsync(new ShotItem(notification), cancellationToken);
        }
    }
}

/// <summary>A track's end follows its shots through the same queue, so it is applied after them.</summary>
internal sealed class IngestTrackEndedHandler(ShotQueue queue) : INotificationHandler<FaceTrackEnded>
{
    public async ValueTask Handle(FaceTrackEnded notification, CancellationToken cancellationToken)
    {
        if (queue.HasConsumer)
        {
            await queue.WriteAsync(new TrackEndItem(notification), cancellationToken);
        }
    }
}
