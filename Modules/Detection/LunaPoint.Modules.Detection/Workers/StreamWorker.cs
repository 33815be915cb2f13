using LunaPoint.Modules.Detection.Bodies;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Video;
using LunaPoint.Modules.Streams.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// One run of one stream: a capture loop (its own task) hands frames through a bounded queue to the
/// analysis loop here. Live sources drop the oldest frame when analysis is behind; batch files wait.
/// Cancelling ends both loops, sends the final best shots of the tracks still open, and kills ffmpeg.
/// </summary>
internal sealed class StreamWorker(
    CaptureLoop capture, FaceEngine engine, BestShotEmitter emitter, BestShotEstimates estimates, BodyDetector bodyDetector, BodyShotEmitter bodyEmitter,
    DetectionLicence licence, IServiceScopeFactory scopes, TimeProvider clock, ILogger<StreamWorker> logger)
{
    // Finals of open tracks still go out when the stream stops, within this long.
    private static readonly TimeSpan FinishBudget = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan PreviewEvery = TimeSpan.FromMilliseconds(200);

    public async Task RunAsync(StreamToAnalyse stream, StreamRuntime runtime, CancellationToken cancellationToken)
    {
        var batch = stream.Settings.Batch && stream.Type is "videofile" or "images";
        using var queue = new FrameQueue(2, dropOldest: !batch);
        runtime.Queue = queue;
        var reporter = new StreamStatusReporter(scopes, runtime, clock);
        var spec = new SourceSpec(stream.Id, stream.Type, stream.Source, stream.Endless, stream.Settings);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var capturing = Task.Run(async () =>
        {
            try
            {
                await capture.RunAsync(spec, queue, reporter, runtime.Capture, stop.Token);
            }
            finally
            {
                queue.Complete();
            }
        }, CancellationToken.None);

        Interlocked.Increment(ref runtime.Runs);
        var features = new StreamFeatures(stream, licence, runtime, logger);
        await features.RefreshAsync(cancellationToken);
        using var analysis = new FaceAnalysis(
            stream, engine, emitter, estimates, features, new BodyAnalysis(stream, bodyDetector, bodyEmitter, runtime, clock), runtime, clock);
        try
        {
            await AnalyseAsync(queue, analysis, reporter, runtime, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await capturing;
            }
            catch (OperationCanceledException)
            {
                // The capture loop's normal way out.
            }

            using var finish = new CancellationTokenSource(FinishBudget);
            await analysis.FinishAsync(finish.Token);
        }

        if (reporter.SourceFinished && !cancellationToken.IsCancellationRequested)
        {
            await reporter.ReportDoneAsync(cancellationToken);
        }
    }

    private async Task AnalyseAsync(FrameQueue queue, FaceAnalysis analysis, StreamStatusReporter reporter, StreamRuntime runtime, CancellationToken cancellationToken)
    {
        long lastPreview = 0;
        await foreach (var frame in queue.ReadAllAsync(cancellationToken))
        {
            using (frame)
            {
                await analysis.AnalyseAsync(frame, cancellationToken);
                var now = clock.GetTimestamp();
                if (runtime.PreviewWanted(now) && clock.GetElapsedTime(lastPreview, now) >= PreviewEvery)
                {
                    lastPreview = now;
                    runtime.SetPreview(PreviewRenderer.Render(frame.Image, analysis.Active, analysis.Region.Outline(frame.Width, frame.Height), analysis.Bodies), now);
                }
            }

            await reporter.HeartbeatAsync(cancellationToken);
        }
    }
}
