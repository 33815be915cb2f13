namespace LunaPoint.Benchmarks.Streams;

/// <summary>A host memory sample during the window: seconds into it, host RSS, the decoders' RSS, CPU since the last sample.</summary>
internal sealed record MemorySample(double At, double HostRssMb, double DecodersRssMb, int Decoders, double CpuCores, double MachineBusyCores);

/// <summary>What one run of N streams measured, summed or averaged over the streams.</summary>
internal sealed record StreamsResult(
    int Streams, double TargetFps, double Seconds, IReadOnlyList<StreamWindow> Windows, IReadOnlyList<MemorySample> Samples,
    double RssMbIdle, double CpuCores, double CpuCoresHostOnly, double MachineBusyCores)
{
    public double AnalysedFpsTotal => Windows.Sum(w => w.Analysed) / Seconds;

    public double AnalysedFpsPerStream => AnalysedFpsTotal / Streams;

    public double InputFpsMean => Windows.Average(w => w.End?.InputFps ?? 0);

    /// <summary>Dropped over offered, all streams pooled.</summary>
    public double DroppedPercent => Windows.Sum(w => w.Offered) is var offered and > 0 ? 100.0 * Windows.Sum(w => w.Dropped) / offered : 0;

    public double DroppedPercentWorst => Windows.Max(w => w.DroppedPercent);

    /// <summary>
    /// The worst stream's p95 of face-first-seen → first best shot (each stream keeps its last 512
    /// samples, so warm-up tracks count too); quantiles of different streams cannot be pooled.
    /// </summary>
    public double? FirstBestShotP95Ms => Windows.Max(w => w.FirstBestShotP95);

    public double? FirstBestShotP95MsMean => Windows.Where(w => w.FirstBestShotP95 is not null).Select(w => w.FirstBestShotP95!.Value).DefaultIfEmpty(double.NaN).Average() is var m && !double.IsNaN(m) ? m : null;

    public long BestShots => Windows.Sum(w => w.BestShots);

    public long TracksStarted => Windows.Sum(w => w.TracksStarted);

    public int WorkersNotWhole => Windows.Count(w => !w.Whole);

    public double RssMb => Samples[^1].HostRssMb;

    /// <summary>Host memory added per stream: (RSS now − RSS before any stream) / N.</summary>
    public double RssMbPerStream => (RssMb - RssMbIdle) / Streams;

    public double DecodersRssMb => Samples[^1].DecodersRssMb;

    /// <summary>Null when the run holds the targets; otherwise which one it misses.</summary>
    public string? Missed()
    {
        var missed = new List<string>();
        if (DroppedPercent >= 5)
        {
            missed.Add($"dropped {DroppedPercent:0.0}% ≥ 5%");
        }

        if (FirstBestShotP95Ms is not { } p95)
        {
            missed.Add("no first best shot measured");
        }
        else if (p95 >= 1000)
        {
            missed.Add($"first best shot p95 {p95:0} ms ≥ 1000 ms");
        }

        // Frames a capture never offers are not counted as dropped, so a source decoded too slowly
        // shows up here instead.
        if (AnalysedFpsPerStream < 0.9 * TargetFps)
        {
            missed.Add($"analysed {AnalysedFpsPerStream:0.00} fps per stream < 90% of {TargetFps}");
        }

        return missed.Count == 0 ? null : string.Join("; ", missed);
    }
}
