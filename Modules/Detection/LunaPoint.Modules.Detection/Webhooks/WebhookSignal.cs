using System.Threading.Channels;

namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>
/// Wakes the dispatcher when deliveries were saved. A flag, not a queue: the rows are in the database, so
/// pokes that arrive while one is pending add nothing and are dropped.
/// </summary>
internal sealed class WebhookSignal
{
    private readonly Channel<bool> _pokes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => _pokes.Writer.TryWrite(true);

    /// <summary>Forgets pokes so far: the round about to read the outbox sees what they announced.</summary>
    public void Clear()
    {
        while (_pokes.Reader.TryRead(out _))
        {
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _pokes.Reader.WaitToReadAsync(cancellationToken).AsTask();
}
