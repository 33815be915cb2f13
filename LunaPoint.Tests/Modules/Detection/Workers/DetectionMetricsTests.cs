using System.Diagnostics.Metrics;
using LunaPoint.Modules.Detection.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>The step-6 figures of a stream's runtime reach the <c>LunaPoint.Detection</c> meter, tagged with the stream.</summary>
public sealed class DetectionMetricsTests
{
    [Fact]
    public void BodiesEstimatesAndDeniedFeatures_AreObservedPerStream()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var runtimes = new StreamRuntimes(meters);
        var id = Guid.NewGuid();
        var runtime = runtimes.Start(id, DateTimeOffset.UnixEpoch);
        (runtime.BodyTracksStarted, runtime.BodyBestShotsSent, runtime.EstimateFailures, runtime.ActiveBodies) = (3, 5, 2, 1);
        runtime.FeaturesDenied = ["liveness", "bodies"];
        runtime.Estimates.Add(40);
        runtime.BodyDetect.Add(70);

        var seen = new List<(string Name, double Value, string? Stage)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == DetectionMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(seen, i, v, tags, id));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(seen, i, v, tags, id));
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Contains(("lunapoint.detection.body_tracks.started", 3.0, null), seen);
        Assert.Contains(("lunapoint.detection.body_best_shots", 5.0, null), seen);
        Assert.Contains(("lunapoint.detection.body_tracks.active", 1.0, null), seen);
        Assert.Contains(("lunapoint.detection.estimate_failures", 2.0, null), seen);
        Assert.Contains(("lunapoint.detection.features.denied", 2.0, null), seen);
        Assert.Contains(("lunapoint.detection.stage.p95", 40.0, "estimates"), seen);
        Assert.Contains(("lunapoint.detection.stage.p95", 70.0, "body_detect"), seen);
    }

    /// <summary>Only this stream's measurements count (the tag is the stream's id).</summary>
    private static void Record(List<(string, double, string?)> seen, Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, Guid stream)
    {
        string? stage = null;
        var ours = false;
        foreach (var (key, tag) in tags)
        {
            ours |= key == "stream.id" && tag is Guid g && g == stream;
            stage = key == "stage" ? tag as string : stage;
        }

        if (ours)
        {
            seen.Add((instrument.Name, value, stage));
        }
    }
}
