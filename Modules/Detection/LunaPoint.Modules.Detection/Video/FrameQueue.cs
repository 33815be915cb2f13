using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// Hands frames from a stream's capture loop to its analysis loop. Live sources: capacity ~2 and the
/// oldest frame is dropped (and disposed, and counted) when analysis is behind, so analysis always works
/// on the freshest picture. Batch sources: the writer waits instead, so nothing is dropped.
/// Every frame that enters is disposed exactly once: by the reader that took it, by the drop, or by
/// <see cref="Dispose"/>; a frame written after <see cref="Complete"/> is disposed at once.
/// </summary>
internal sealed class FrameQueue : IDisposable
{
    private readonly Channel<VideoFrame> _channel;
    private readonly int _capacity;
    private readonly bool _dropOldest;
    private long _offered;
    private long _dropped;

    public FrameQueue(int capacity, bool dropOldest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _dropOldest = dropOldest;
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = dropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        };
        // The channel calls this, outside its lock, for the frame it pushed out.
        _channel = Channel.CreateBounded<VideoFrame>(options, frame =>
        {
            Interlocked.Increment(ref _dropped);
            frame.Dispose();
        });
    }

    /// <summary>Frames handed to the queue (after the maxAnalysisFps decimation).</summary>
    public long Offered => Interlocked.Read(ref _offered);

    /// <summary>Frames dropped because analysis was behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public int Capacity => _capacity;

    public bool DropsOldest => _dropOldest;

    /// <summary>Frames waiting for analysis now.</summary>
    public int Count => _channel.Reader.Count;

    public async ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _offered);
        if (_channel.Writer.TryWrite(frame))
        {
            return;
        }

        if (_dropOldest)
        {
            // Only a completed channel refuses a drop-oldest write.
            frame.Dispose();
            return;
        }

        try
        {
            await _channel.Writer.WriteAsync(frame, cancellationToken);
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            frame.Dispose();
            if (ex is OperationCanceledException)
            {
                throw;
            }
        }
    }

    public async IAsyncEnumerable<VideoFrame> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in _channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return frame;
        }
    }

    /// <summary>No more frames will come (the capture loop ended); frames inside can still be read.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Completes the queue and disposes the frames nobody took.</summary>
    public void Dispose()
    {
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out var frame))
        {
            frame.Dispose();
        }
    }
}
