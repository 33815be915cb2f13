using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// The bounded queue between Detection's publisher and the one ingestion writer. <c>FullMode = Wait</c>:
/// a full queue makes the publisher await (Detection's worker slows down) instead of losing a shot.
/// </summary>
internal sealed class ShotQueue(IOptions<EventsOptions> options, bool hasConsumer)
{
    private readonly Channel<IngestItem> _channel = Channel.CreateBounded<IngestItem>(
        new BoundedChannelOptions(Math.Max(1, options.Value.Ingestion.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });

    /// <summary>False when this host runs no ingestion writer (<c>Modules:Events:Workers:Enabled=false</c>): nothing would ever read the queue.</summary>
    public bool HasConsumer => hasConsumer;

    public ChannelReader<IngestItem> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;

    public ValueTask WriteAsync(IngestItem item, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(item, cancellationToken);
}
