using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Detection.Video;

// The capture side's surface as the stream worker uses it: FrameQueue.cs and CaptureLoop.cs hold the
// queue and the loop; the frame sources (ffmpeg, image folder) are internal to capture.

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
