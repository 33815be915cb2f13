using LunaPoint.Modules.Events.Ingestion;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

/// <summary>A stream's name, location or lists changed: its next shot asks Streams again.</summary>
internal sealed class StreamChangedHandler(StreamContextCache contexts) : INotificationHandler<StreamChanged>
{
    public ValueTask Handle(StreamChanged notification, CancellationToken cancellationToken)
    {
        contexts.Invalidate(notification.StreamId);
        return ValueTask.CompletedTask;
    }
}

internal sealed class StreamDeletedHandler(StreamContextCache contexts) : INotificationHandler<StreamDeleted>
{
    public ValueTask Handle(StreamDeleted notification, CancellationToken cancellationToken)
    {
        contexts.Invalidate(notification.StreamId);
        return ValueTask.CompletedTask;
    }
}
