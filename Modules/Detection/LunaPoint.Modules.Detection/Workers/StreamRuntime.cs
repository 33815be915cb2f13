using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LunaPoint.Modules.Detection.Video;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// What one stream's worker is doing right now, for the stats and live-view endpoints: counters, stage
/// latencies and the newest annotated preview. Written by the worker's loops, read by requests.
/// </summary>
internal sealed class StreamRuntime(Guid streamId, DateTimeOffset startedAt)
{
    public Guid StreamId => streamId;

    public DateTimeOffset StartedAt => startedAt;

    public CaptureCounters Capture { get; } = new();

    /// <summary>The queue of the current run (live: drop-oldest), for offered/dropped counts.</summary>
    public FrameQueue? Queue { get; set; }

    public volatile bool Running = true;

    public long FramesAnalysed;
    public long DetectorRuns;
    public long TracksStarted;
    public long BestShotsSent;
    public long BodyTracksStarted;
    public long BodyBestShotsSent;
    public long EstimateFailures;

    /// <summary>Settings the stream asks for that the licence in force does not include (it runs without them).</summary>
    public volatile IReadOnlyList<string> FeaturesDenied = [];

    /// <summary>Runs of this stream's worker since it was started here (a licence swap must not start another).</summary>
    public long Runs;
    public int ActiveTracks;
    public int ActiveBodies;
    public int FrameWidth;
    public int FrameHeight;

    /// <summary>Frames analysed in the last seconds, for the analysed rate.</summary>
    public readonly FrameRateMeter Analysed = new();

    public readonly LatencyWindow Detect = new();
    public readonly LatencyWindow Landmarks = new();
    public readonly LatencyWindow Descriptor = new();
    public readonly LatencyWindow Frame = new();
    public readonly LatencyWindow BodyDetect = new();

    /// <summary>A best shot's estimates (all the models asked, on the held crop).</summary>
    public readonly LatencyWindow Estimates = new();

    /// <summary>A face's first analysed frame → its first best shot published (wall time).</summary>
    public readonly LatencyWindow FirstBestShot = new();

    private byte[]? _preview;
    private long _previewAt;
    private long _previewWantedUntil;

    /// <summary>The newest analysed frame with boxes and track ids (JPEG), or null before the first one.</summary>
    public byte[]? Preview => Volatile.Read(ref _preview);

    /// <summary>When <see cref="Preview"/> was drawn (a timestamp of the worker's clock).</summary>
    public long PreviewAt => Interlocked.Read(ref _previewAt);

    public void SetPreview(byte[] jpeg, long at)
    {
        Volatile.Write(ref _preview, jpeg);
        Interlocked.Exchange(ref _previewAt, at);
    }

    /// <summary>Someone looking keeps previews coming for this long after their last request.</summary>
    public static readonly TimeSpan KeepDrawing = TimeSpan.FromSeconds(10);

    /// <summary>Previews are drawn only while someone looks (a request in the last <see cref="KeepDrawing"/>): drawing costs CPU.</summary>
    public void WantPreview(TimeProvider clock) =>
        Interlocked.Exchange(ref _previewWantedUntil, clock.GetTimestamp() + (long)(KeepDrawing.TotalSeconds * clock.TimestampFrequency));

    public bool PreviewWanted(long nowTimestamp) => Interlocked.Read(ref _previewWantedUntil) > nowTimestamp || Volatile.Read(ref _preview) is null;
}

/// <summary>The runtimes of the streams this process analyses (and analysed: a finished file keeps its figures).</summary>
internal sealed class StreamRuntimes
{
    private readonly ConcurrentDictionary<Guid, StreamRuntime> _runtimes = new();

    public StreamRuntimes(IMeterFactory meters) => DetectionMetrics.Register(meters, this);

    public StreamRuntime Start(Guid streamId, DateTimeOffset now) => _runtimes[streamId] = new StreamRuntime(streamId, now);

    public StreamRuntime? Find(Guid streamId) => _runtimes.GetValueOrDefault(streamId);

    public void Remove(Guid streamId) => _runtimes.TryRemove(streamId, out _);

    public IEnumerable<StreamRuntime> All => _runtimes.Values;
}
