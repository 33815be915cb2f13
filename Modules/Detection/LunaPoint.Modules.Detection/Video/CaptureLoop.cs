using LunaPoint.Modules.Streams.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// Runs one stream's capture: opens the source, reads frames, keeps at most maxAnalysisFps per second,
/// writes them to the queue; a watchdog flags a stall (no frame for max(2 x frame interval,
/// healthcheck.readTimeoutMs)) and the source is reopened with exponential backoff as the healthcheck
/// settings say. Ends when the token is cancelled (OperationCanceledException, the only exception it
/// throws), a finite source is done, or reconnectAttempts ran out; the queue is completed either way
/// and every source (and its ffmpeg) is disposed before the next is opened.
/// </summary>
internal sealed partial class CaptureLoop(FrameSourceFactory sources, IOptions<CaptureOptions> options, TimeProvider time, ILogger<CaptureLoop> logger)
{
    public async Task RunAsync(SourceSpec spec, FrameQueue queue, ICaptureObserver observer, CaptureCounters counters, CancellationToken cancellationToken)
    {
        spec = spec with { Settings = spec.Settings.Complete() };
        var backoff = new ReconnectBackoff(spec.Settings.Healthcheck!);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var failure = await RunSourceAsync(spec, queue, observer, counters, backoff, cancellationToken);
                if (failure is null)
                {
                    LogFinished(spec.StreamId);
                    await NotifyAsync(spec, () => observer.OnFinishedAsync(cancellationToken));
                    return;
                }

                counters.InputFps = 0;
                var reason = FfmpegFailure.Mask(spec.Source, failure);
                var retryIn = backoff.Next();
                LogFailed(spec.StreamId, reason, retryIn);
                await NotifyAsync(spec, () => observer.OnFailedAsync(reason, retryIn, cancellationToken));
                if (retryIn is not { } wait)
                {
                    return;
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            queue.Complete();
        }
    }

    /// <returns>null when a finite source finished, else why it failed.</returns>
    private async Task<string?> RunSourceAsync(
        SourceSpec spec, FrameQueue queue, ICaptureObserver observer, CaptureCounters counters, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        var readTimeout = TimeSpan.FromMilliseconds(Math.Max(1, spec.Settings.Healthcheck!.ReadTimeoutMs));
        try
        {
            await using var source = sources.Create(spec);
            using var watch = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            await using var link = cancellationToken.Register(static w => ((CancellationTokenSource)w!).Cancel(), watch);
            watch.CancelAfter(readTimeout);
            try
            {
                await source.OpenAsync(watch.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return $"the source did not answer within {readTimeout.TotalSeconds:0.#} s";
            }

            // Disarmed until the first read: a source without a watchdog (an image folder) may wait for ever.
            watch.CancelAfter(Timeout.InfiniteTimeSpan);
            Interlocked.Increment(ref counters.Connects);
            var stall = source.Fps is > 0 and var fps ? Max(readTimeout, TimeSpan.FromSeconds(2 / fps)) : readTimeout;
            var reader = new SourceReader(source, watch, stall, time, cancellationToken);
            return await PumpAsync(spec, source, reader, queue, observer, counters, backoff, cancellationToken);
        }
        catch (FrameSourceException ex)
        {
            return ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnexpected(spec.StreamId, ex.GetType().Name, FfmpegFailure.Mask(spec.Source, ex.Message));
            return $"reading the source failed unexpectedly ({ex.GetType().Name})";
        }
    }

    private async Task<string?> PumpAsync(
        SourceSpec spec, IFrameSource source, SourceReader reader, FrameQueue queue, ICaptureObserver observer,
        CaptureCounters counters, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        var decimator = new FrameDecimator(spec.Settings.MaxAnalysisFps);
        var meter = new FrameRateMeter(time);
        var openedAt = time.GetTimestamp();
        var stableAfter = TimeSpan.FromMilliseconds(options.Value.StableAfterMs);
        while (true)
        {
            var (frame, stalled) = await reader.NextAsync();
            if (stalled is not null)
            {
                return stalled;
            }

            if (frame is null)
            {
                return source.IsFinite ? null : "the source ended (a live source is expected to keep sending)";
            }

            using (var owned = new FrameOwnership(frame))
            {
                Interlocked.Increment(ref counters.FramesRead);
                counters.InputFps = meter.Mark();
                counters.LastFrameAt = frame.CapturedAt;
                counters.Decode.Add(source.LastDecodeMs);
                if (reader.FramesRead == 1)
                {
                    counters.SourceFps = source.Fps;
                    LogStreaming(spec.StreamId, frame.Width, frame.Height, source.Fps);
                    await NotifyAsync(spec, () => observer.OnStreamingAsync(source.Fps, cancellationToken));
                }

                if (backoff.Failures > 0 && time.GetElapsedTime(openedAt) >= stableAfter)
                {
                    backoff.Reset();
                }

                if (decimator.Take(frame.MediaTime ?? time.GetElapsedTime(openedAt)))
                {
                    await queue.WriteAsync(owned.HandOver(), cancellationToken);
                }
            }
        }
    }

    /// <summary>Observer failures are logged, never allowed to end capture; cancellation still stops it.</summary>
    private async Task NotifyAsync(SourceSpec spec, Func<ValueTask> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogObserverFailed(spec.StreamId, ex);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(LogLevel.Information, "Stream {StreamId}: capture streaming {Width}x{Height} at {Fps} fps")]
    private partial void LogStreaming(Guid streamId, int width, int height, double? fps);

    [LoggerMessage(LogLevel.Warning, "Stream {StreamId}: capture failed: {Reason}; retry in {RetryIn}")]
    private partial void LogFailed(Guid streamId, string reason, TimeSpan? retryIn);

    [LoggerMessage(LogLevel.Information, "Stream {StreamId}: source finished")]
    private partial void LogFinished(Guid streamId);

    [LoggerMessage(LogLevel.Error, "Stream {StreamId}: capture error {Type}: {Message}")]
    private partial void LogUnexpected(Guid streamId, string type, string message);

    [LoggerMessage(LogLevel.Error, "Stream {StreamId}: the capture observer failed")]
    private partial void LogObserverFailed(Guid streamId, Exception exception);
}
