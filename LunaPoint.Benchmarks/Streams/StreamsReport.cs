using System.Globalization;
using System.Text.Json;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>The human-readable table of a run, and the one-line JSON the issue asks for.</summary>
internal static class StreamsReport
{
    public static void WriteTable(StreamsResult r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{r.Streams} stream(s), {r.TargetFps} fps target, window {r.Seconds:0.0} s");
        output.WriteLine("stream        input fps  analysed fps  dropped %  tracks  best shots  1st shot p50/p95 ms (n: window/all)  detect p95  frame p95  connects");
        foreach (var w in r.Windows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{w.Name + (w.Whole ? "" : "*"),-12} {w.End?.InputFps ?? 0,10:0.00} {w.Analysed / r.Seconds,13:0.00} {w.DroppedPercent,10:0.00} {w.TracksStarted,7} {w.BestShots,11} {Ms(w.FirstBestShotP50),10}/{Ms(w.FirstBestShotP95),-6} ({w.FirstBestShots,3}/{w.End?.LatencyMs.GetValueOrDefault("firstBestShot")?.Samples ?? 0,-3})    {Ms(w.Latency("detect", true)),10} {Ms(w.Latency("frame", true)),10} {w.End?.Connects ?? 0,9}"));
        }

        if (r.WorkersNotWhole > 0)
        {
            output.WriteLine("* worker missing or restarted during the window: its figures cover its current run only");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analysed {r.AnalysedFpsTotal:0.00} fps in total, {r.AnalysedFpsPerStream:0.00} per stream; dropped {r.DroppedPercent:0.00}% (worst stream {r.DroppedPercentWorst:0.00}%); " +
            $"first best shot p95 {Ms(r.FirstBestShotP95Ms)} ms worst stream, {Ms(r.FirstBestShotP95MsMean)} ms mean; {r.BestShots} best shots, {r.TracksStarted} tracks"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"step 6: estimates p95 {Ms(r.Windows.Max(w => w.Latency("estimates", true)))} ms (worst stream); bodies: {r.Windows.Sum(w => w.BodyTracks)} tracks, " +
            $"{r.Windows.Sum(w => w.BodyBestShots)} best shots, body detect p95 {Ms(r.Windows.Max(w => w.Latency("bodyDetect", true)))} ms (worst stream)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"host RSS {r.RssMb:0} MB ({r.RssMbIdle:0} MB before streams, {r.RssMbPerStream:0.0} MB per stream), decoders {r.DecodersRssMb:0} MB; " +
            $"CPU {r.CpuCores:0.00} cores host + its ffmpeg ({r.CpuCoresHostOnly:0.00} host process), machine busy {r.MachineBusyCores:0.00} of {Environment.ProcessorCount}"));
        output.WriteLine("host RSS series (MB): " + string.Join(' ', r.Samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At:0}s={s.HostRssMb:0}"))));
        output.WriteLine(r.Missed() is { } missed ? $"misses the target: {missed}" : "holds the target (dropped < 5%, first best shot p95 < 1 s, analysed ≥ 90% of target fps)");
    }

    public static object Json(StreamsResult r) => new
    {
        streams = r.Streams,
        fps = r.TargetFps,
        // The issue's "analysedFps": per stream, to compare with the target fps.
        analysedFps = Round(r.AnalysedFpsPerStream),
        analysedFpsTotal = Round(r.AnalysedFpsTotal),
        analysedFpsPerStream = Round(r.AnalysedFpsPerStream),
        inputFps = Round(r.InputFpsMean),
        droppedPercent = Round(r.DroppedPercent),
        droppedPercentWorst = Round(r.DroppedPercentWorst),
        firstBestShotP95Ms = r.FirstBestShotP95Ms is { } p95 ? Round(p95, 0) : (double?)null,
        firstBestShotP95MsMean = r.FirstBestShotP95MsMean is { } mean ? Round(mean, 0) : (double?)null,
        bestShots = r.BestShots,
        tracks = r.TracksStarted,
        bodyTracks = r.Windows.Sum(w => w.BodyTracks),
        bodyBestShots = r.Windows.Sum(w => w.BodyBestShots),
        rssMb = Round(r.RssMb, 0),
        rssMbIdle = Round(r.RssMbIdle, 0),
        rssMbPerStream = Round(r.RssMbPerStream, 1),
        decodersRssMb = Round(r.DecodersRssMb, 0),
        rssMbSeries = r.Samples.Select(s => Round(s.HostRssMb, 0)),
        cpuCores = Round(r.CpuCores),
        cpuCoresHostOnly = Round(r.CpuCoresHostOnly),
        machineBusyCores = Round(r.MachineBusyCores),
        workersRestarted = r.WorkersNotWhole,
        seconds = Round(r.Seconds, 0),
        holdsTarget = r.Missed() is null,
    };

    public static void WriteJson(object value, TextWriter output) => output.WriteLine(JsonSerializer.Serialize(value));

    private static string Ms(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static double Round(double value, int digits = 2) => Math.Round(value, digits);
}
