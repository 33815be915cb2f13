namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// Reads one frame at a time under the stall watchdog: the timer restarts before every read and only
/// runs while the loop waits on the source (not while it waits for room in a batch queue). When it
/// fires the source's read is cancelled (ffmpeg is killed) and the read reports a stall.
/// </summary>
internal sealed class SourceReader(IFrameSource source, CancellationTokenSource watch, TimeSpan stall, TimeProvider time, CancellationToken stopping)
{
    public long FramesRead { get; private set; }

    public async Task<(VideoFrame? Frame, string? Stalled)> NextAsync()
    {
        var started = time.GetTimestamp();
        if (source.HasWatchdog)
        {
            watch.CancelAfter(stall);
        }

        try
        {
            var frame = await source.ReadAsync(watch.Token);
            if (source.HasWatchdog)
            {
                watch.CancelAfter(Timeout.InfiniteTimeSpan);
            }

            FramesRead += frame is null ? 0 : 1;
            return (frame, null);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            var waited = time.GetElapsedTime(started);
            return (null, FramesRead == 0
                ? $"no picture within {waited.TotalSeconds:0.#} s of connecting"
                : $"the source stopped sending: no frame for {waited.TotalSeconds:0.#} s");
        }
    }
}
