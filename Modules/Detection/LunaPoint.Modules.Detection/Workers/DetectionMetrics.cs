using System.Diagnostics.Metrics;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// The stream figures of <c>GET /api/v1/streams/{id}/stats</c> as .NET metrics (meter
/// <c>LunaPoint.Detection</c>, one <c>stream.id</c> tag per stream), read from the workers' counters
/// when a collector asks, so the video path pays nothing for them.
/// </summary>
internal static class DetectionMetrics
{
    public const string MeterName = "LunaPoint.Detection";

    public static void Register(IMeterFactory meters, StreamRuntimes runtimes)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("lunapoint.detection.frames.read", () => Each(runtimes, r => Interlocked.Read(ref r.Capture.FramesRead)), "{frame}", "Frames read from the sources");
        meter.CreateObservableCounter("lunapoint.detection.frames.analysed", () => Each(runtimes, r => Interlocked.Read(ref r.FramesAnalysed)), "{frame}", "Frames analysed");
        meter.CreateObservableCounter("lunapoint.detection.frames.dropped", () => Each(runtimes, r => r.Queue?.Dropped ?? 0), "{frame}", "Frames dropped because analysis was behind");
        meter.CreateObservableCounter("lunapoint.detection.tracks.started", () => Each(runtimes, r => Interlocked.Read(ref r.TracksStarted)), "{track}", "Face tracks started");
        meter.CreateObservableCounter("lunapoint.detection.best_shots", () => Each(runtimes, r => Interlocked.Read(ref r.BestShotsSent)), "{shot}", "Best shots published");
        meter.CreateObservableCounter("lunapoint.detection.body_tracks.started", () => Each(runtimes, r => Interlocked.Read(ref r.BodyTracksStarted)), "{track}", "Body tracks started");
        meter.CreateObservableCounter("lunapoint.detection.body_best_shots", () => Each(runtimes, r => Interlocked.Read(ref r.BodyBestShotsSent)), "{shot}", "Body best shots published");
        meter.CreateObservableCounter("lunapoint.detection.estimate_failures", () => Each(runtimes, r => Interlocked.Read(ref r.EstimateFailures)), "{shot}", "Best shots sent without estimates because estimating failed");
        meter.CreateObservableGauge("lunapoint.detection.features.denied", () => Each(runtimes, r => (long)r.FeaturesDenied.Count), "{feature}", "Settings the stream asks for that the licence in force lacks (it runs without them)");
        meter.CreateObservableGauge("lunapoint.detection.tracks.active", () => Each(runtimes, r => (long)r.ActiveTracks), "{track}", "Face tracks alive now");
        meter.CreateObservableGauge("lunapoint.detection.body_tracks.active", () => Each(runtimes, r => (long)r.ActiveBodies), "{track}", "Body tracks alive now");
        meter.CreateObservableGauge("lunapoint.detection.read_fps", () => Each(runtimes, r => r.Capture.InputFps), "{frame}/s", "Frames per second read from the source (live sources are thinned to maxAnalysisFps inside ffmpeg)");
        meter.CreateObservableGauge("lunapoint.detection.analysed_fps", () => Each(runtimes, r => r.Analysed.PerSecond), "{frame}/s", "Analysed frame rate");
        meter.CreateObservableGauge("lunapoint.detection.stage.p95", () => Stages(runtimes), "ms", "95th percentile latency of each pipeline stage over the last 512 samples");
    }

    private static IEnumerable<Measurement<T>> Each<T>(StreamRuntimes runtimes, Func<StreamRuntime, T> value) where T : struct =>
        runtimes.All.Select(r => new Measurement<T>(value(r), new KeyValuePair<string, object?>("stream.id", r.StreamId)));

    private static IEnumerable<Measurement<double>> Stages(StreamRuntimes runtimes)
    {
        foreach (var r in runtimes.All)
        {
            foreach (var (stage, window) in new[]
            {
                ("decode", r.Capture.Decode), ("detect", r.Detect), ("landmarks", r.Landmarks), ("descriptor", r.Descriptor),
                ("first_best_shot", r.FirstBestShot), ("estimates", r.Estimates), ("body_detect", r.BodyDetect),
            })
            {
                if (window.Quantile(0.95) is { } p95)
                {
                    yield return new Measurement<double>(p95, new("stream.id", r.StreamId), new("stage", stage));
                }
            }
        }
    }
}
