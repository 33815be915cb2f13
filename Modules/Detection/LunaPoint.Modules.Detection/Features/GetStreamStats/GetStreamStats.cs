using LunaPoint.Modules.Detection.Workers;
using LunaPoint.SharedKernel.Errors;
using Mediator;

namespace LunaPoint.Modules.Detection.Features;

/// <param name="WindowSeconds">Latency quantiles over the samples of the last this many seconds; null: all held (the last 512).</param>
internal sealed record GetStreamStats(Guid StreamId, int? WindowSeconds = null) : IQuery<StreamStatsDto>;

/// <param name="P50">Median of the samples held (the last 512, or those of the asked window), milliseconds.</param>
/// <param name="Samples">Samples taken since the worker started.</param>
/// <param name="Held">Samples the quantiles were computed from.</param>
internal sealed record LatencyDto(double? P50, double? P95, long Samples, int Held);

/// <summary>A stream's analysis figures since its worker (re)started in this process.</summary>
/// <param name="InputFps">The source's frame rate (as the camera or file declares it; measured when it declares none).</param>
/// <param name="ReadFps">Frames per second read from ffmpeg: live sources are thinned to maxAnalysisFps inside ffmpeg.</param>
internal sealed record StreamStatsDto(
    Guid StreamId, bool Running, DateTimeOffset StartedAt, int FrameWidth, int FrameHeight,
    double InputFps, double ReadFps, double AnalysedFps, long FramesRead, long FramesOffered, long FramesAnalysed, long FramesDropped, double DroppedPercent,
    int ActiveTracks, long TracksStarted, long BestShotsSent, DateTimeOffset? LastFrameAt, int Connects,
    IReadOnlyDictionary<string, LatencyDto> LatencyMs)
{
    /// <summary>Body tracks started (<c>settings.bodies</c>, licensed).</summary>
    public long BodyTracksStarted { get; init; }

    public long BodyBestShotsSent { get; init; }

    public int ActiveBodies { get; init; }

    /// <summary>Best shots whose estimates failed (sent without them).</summary>
    public long EstimateFailures { get; init; }

    /// <summary>Runs of the worker since it started (more than one: it failed and was retried).</summary>
    public long WorkerRuns { get; init; }

    /// <summary>Settings the stream asks for that the licence in force does not include (camelCase names); it runs without them.</summary>
    public IReadOnlyList<string> FeaturesDenied { get; init; } = [];
}

/// <summary>The figures of every stream this process analyses (or analysed since it started), for lists and dashboards.</summary>
internal sealed record ListStreamStats : IQuery<IReadOnlyList<StreamStatsDto>>;

internal sealed class GetStreamStatsHandler(StreamRuntimes runtimes) : IQueryHandler<GetStreamStats, StreamStatsDto>, IQueryHandler<ListStreamStats, IReadOnlyList<StreamStatsDto>>
{
    public ValueTask<StreamStatsDto> Handle(GetStreamStats query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ToDto(runtimes.Find(query.StreamId) ?? throw new NotFoundException("Analysis of stream", query.StreamId),
            query.WindowSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null));

    public ValueTask<IReadOnlyList<StreamStatsDto>> Handle(ListStreamStats query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StreamStatsDto>>(runtimes.All.OrderBy(r => r.StartedAt).Select(r => ToDto(r, null)).ToList());

    private static StreamStatsDto ToDto(StreamRuntime r, TimeSpan? window)
    {
        var offered = r.Queue?.Offered ?? 0;
        var dropped = r.Queue?.Dropped ?? 0;
        return new StreamStatsDto(
            r.StreamId, r.Running, r.StartedAt, r.FrameWidth, r.FrameHeight,
            Math.Round(r.Capture.SourceFps ?? r.Capture.InputFps, 2), Math.Round(r.Capture.InputFps, 2), Math.Round(r.Analysed.PerSecond, 2), Interlocked.Read(ref r.Capture.FramesRead), offered,
            Interlocked.Read(ref r.FramesAnalysed), dropped, offered == 0 ? 0 : Math.Round(100.0 * dropped / offered, 2),
            r.ActiveTracks, Interlocked.Read(ref r.TracksStarted), Interlocked.Read(ref r.BestShotsSent), r.Capture.LastFrameAt, r.Capture.Connects,
            new Dictionary<string, LatencyDto>
            {
                ["decode"] = Latency(r.Capture.Decode, window),
                ["detect"] = Latency(r.Detect, window),
                ["landmarksAndAlign"] = Latency(r.Landmarks, window),
                ["descriptor"] = Latency(r.Descriptor, window),
                ["frame"] = Latency(r.Frame, window),
                ["firstBestShot"] = Latency(r.FirstBestShot, window),
                ["estimates"] = Latency(r.Estimates, window),
                ["bodyDetect"] = Latency(r.BodyDetect, window),
            })
        {
            BodyTracksStarted = Interlocked.Read(ref r.BodyTracksStarted),
            BodyBestShotsSent = Interlocked.Read(ref r.BodyBestShotsSent),
            ActiveBodies = r.ActiveBodies,
            EstimateFailures = Interlocked.Read(ref r.EstimateFailures),
            WorkerRuns = Interlocked.Read(ref r.Runs),
            FeaturesDenied = r.FeaturesDenied,
        };
    }

    private static LatencyDto Latency(Video.LatencyWindow w, TimeSpan? window) =>
        new(w.Quantile(0.5, window) is { } p50 ? Math.Round(p50, 2) : null, w.Quantile(0.95, window) is { } p95 ? Math.Round(p95, 2) : null, w.Count, w.Held(window));
}
