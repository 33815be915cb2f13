using LunaPoint.Modules.Detection.Features;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>One stream's /stats at the start and the end of the measured window, and the differences.</summary>
internal sealed record StreamWindow(string Name, StreamStatsDto? Start, StreamStatsDto? End)
{
    /// <summary>The worker was missing at either end or restarted in between, so its counters began again.</summary>
    public bool Whole => Start is not null && End is not null && Start.StartedAt == End.StartedAt;

    public long Analysed => Delta(s => s.FramesAnalysed);

    public long Offered => Delta(s => s.FramesOffered);

    public long Dropped => Delta(s => s.FramesDropped);

    public long BestShots => Delta(s => s.BestShotsSent);

    public long TracksStarted => Delta(s => s.TracksStarted);

    public long BodyTracks => Delta(s => s.BodyTracksStarted);

    public long BodyBestShots => Delta(s => s.BodyBestShotsSent);

    public long FirstBestShots => Delta(s => s.LatencyMs.TryGetValue("firstBestShot", out var l) ? l.Samples : 0);

    public double DroppedPercent => Offered == 0 ? 0 : 100.0 * Dropped / Offered;

    public double? FirstBestShotP50 => End?.LatencyMs.GetValueOrDefault("firstBestShot")?.P50;

    public double? FirstBestShotP95 => End?.LatencyMs.GetValueOrDefault("firstBestShot")?.P95;

    public double? Latency(string stage, bool p95) =>
        End?.LatencyMs.GetValueOrDefault(stage) is { } l ? (p95 ? l.P95 : l.P50) : null;

    // A restarted worker's counters start from zero: count what its current run did.
    private long Delta(Func<StreamStatsDto, long> counter) =>
        End is null ? 0 : counter(End) - (Whole ? counter(Start!) : 0);
}
