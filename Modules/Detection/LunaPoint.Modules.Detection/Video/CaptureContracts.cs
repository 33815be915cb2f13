using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Detection.Video;

// STUB (step 5 plan): the capture side's surface as the stream worker uses it. The capture work
// package replaces the NotImplemented parts; keep these signatures or tell the worker side.

/// <summary>What to open and how: a stream's source and the settings that shape capture.</summary>
/// <param name="Type">rtsp, http, udp, tcp, videofile, images, webcam (as Streams names them).</param>
internal sealed record SourceSpec(Guid StreamId, string Type, string Source, bool Endless, StreamSettings Settings);

/// <summary>Opening or reading a source failed; <see cref="Exception.Message"/> is the reason shown on the stream (URLs masked by Streams).</summary>
internal sealed class FrameSourceException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>How capture tells the stream worker what happens; called from the capture loop, never concurrently.</summary>
internal interface ICaptureObserver
{
    /// <summary>The first frame after (re)opening arrived.</summary>
    ValueTask OnStreamingAsync(double? inputFps, CancellationToken cancellationToken);

    /// <summary>Opening or reading failed (stall, end of a live source, ffmpeg exit…); <paramref name="retryIn"/> null = no more attempts.</summary>
    ValueTask OnFailedAsync(string reason, TimeSpan? retryIn, CancellationToken cancellationToken);

    /// <summary>A finite source (non-endless file or folder) is finished.</summary>
    ValueTask OnFinishedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Hands frames from a stream's capture loop to its analysis loop. Live sources: capacity ~2 and the
/// oldest frame is dropped (and disposed, and counted) when analysis is behind. Batch sources: the
/// writer waits instead, so nothing is dropped.
/// </summary>
internal sealed class FrameQueue(int capacity, bool dropOldest) : IDisposable
{
    /// <summary>Frames handed to the queue (after the maxAnalysisFps decimation).</summary>
    public long Offered => throw new NotImplementedException();

    /// <summary>Frames dropped because analysis was behind.</summary>
    public long Dropped => throw new NotImplementedException();

    public int Capacity => capacity;

    public bool DropsOldest => dropOldest;

    public ValueTask WriteAsync(VideoFrame frame, CancellationToken cancellationToken) => throw new NotImplementedException();

    public IAsyncEnumerable<VideoFrame> ReadAllAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>No more frames will come (the capture loop ended).</summary>
    public void Complete() => throw new NotImplementedException();

    public void Dispose() => throw new NotImplementedException();
}

/// <summary>Counters the capture loop keeps for a stream's stats.</summary>
internal sealed class CaptureCounters
{
    /// <summary>Frames read from the source (before decimation).</summary>
    public long FramesRead;

    /// <summary>Input frame rate measured over the last seconds.</summary>
    public double InputFps;

    public DateTimeOffset? LastFrameAt;

    /// <summary>Times the source was (re)opened.</summary>
    public int Connects;

    /// <summary>Per-frame decode/read time in milliseconds (for p50/p95).</summary>
    public readonly LatencyWindow Decode = new();
}

/// <summary>
/// Runs one stream's capture: opens the source, reads frames, keeps every maxAnalysisFps-th in time,
/// writes them to the queue; a watchdog flags a stall and reopens with exponential backoff as
/// settings.healthcheck says; ends when the token is cancelled, a finite source is done, or
/// reconnectAttempts ran out. Leaves no child process behind in any of these cases.
/// </summary>
internal sealed class CaptureLoop
{
    public Task RunAsync(SourceSpec spec, FrameQueue queue, ICaptureObserver observer, CaptureCounters counters, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
