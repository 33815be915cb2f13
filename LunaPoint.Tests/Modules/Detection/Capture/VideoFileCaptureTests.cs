using LunaPoint.Modules.Detection.Video;
using LunaPoint.Tests.Infrastructure.Video;

namespace LunaPoint.Tests.Modules.Detection.Capture;

/// <summary>Video files through Debian's ffmpeg: real time or batch, looping, finishing, and bad files.</summary>
public sealed class VideoFileCaptureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lunapoint-capture-").FullName;

    [Fact]
    public async Task NonEndless_RealTime_DeliversEveryFrameAtItsMediaTime_ThenFinishes()
    {
        var video = await TestVideos.FaceMovingAcrossAsync(seconds: 2);
        await using var run = new CaptureRun(CaptureRun.NewSpec("videofile", video, settings: CaptureRun.Settings(maxFps: 100)), capacity: 64);

        await run.UntilAsync(o => o.Events.OfType<Finished>().Any());
        await run.Loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([typeof(Streaming), typeof(Finished)], run.Observer.Events.Select(e => e.GetType()));
        Assert.Equal(25, run.Observer.Events.OfType<Streaming>().Single().Fps);
        var frames = run.Frames;
        Assert.Equal(50, frames.Count + run.Queue.Dropped);
        Assert.Equal(0, run.Queue.Dropped);
        Assert.All(frames, f => Assert.Equal(TimeSpan.FromSeconds(f.Sequence / 25.0), f.MediaTime));
        Assert.All(frames, f => Assert.Equal((320, 240), (f.Width, f.Height)));
        // -re: ffmpeg hands frames out at the file's pace, so 2 s of video take at least about 2 s.
        Assert.True(frames[^1].At - frames[0].At >= TimeSpan.FromSeconds(1.5), $"read in {(frames[^1].At - frames[0].At).TotalSeconds:0.00} s");
        Assert.Equal(50, run.Counters.FramesRead);
        Assert.Equal(1, run.Counters.Connects);
        Assert.True(run.Counters.Decode.Count == 50);
    }

    [Fact]
    public async Task Batch_SlowAnalysis_WriterWaitsAndNothingIsDropped()
    {
        var video = await TestVideos.FaceMovingAcrossAsync(seconds: 2);
        await using var run = new CaptureRun(
            CaptureRun.NewSpec("videofile", video, settings: CaptureRun.Settings(maxFps: 100, batch: true)), capacity: 2, gated: true);

        // The consumer holds one frame; the queue fills up and capture has to wait.
        await Wait.UntilAsync(() => run.Queue.Count == 2, TimeSpan.FromSeconds(60), () => $"queue {run.Queue.Count}");
        var readWhileBlocked = run.Counters.FramesRead;
        run.Allow(1000);
        await run.UntilAsync(o => o.Events.OfType<Finished>().Any());

        Assert.InRange(readWhileBlocked, 3, 4);
        Assert.Equal(50, run.Queue.Offered);
        Assert.Equal(0, run.Queue.Dropped);
        await Wait.UntilAsync(() => run.Frames.Count == 50, TimeSpan.FromSeconds(30), () => $"{run.Frames.Count} frames");
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), run.Frames.Select(f => f.Sequence));
    }

    [Fact]
    public async Task MaxAnalysisFps_KeepsAtMostThatManyFramesPerSecondOfVideo()
    {
        var video = await TestVideos.FaceMovingAcrossAsync(seconds: 2);
        await using var run = new CaptureRun(CaptureRun.NewSpec("videofile", video, settings: CaptureRun.Settings(maxFps: 5, batch: true)), capacity: 64);

        await run.UntilAsync(o => o.Events.OfType<Finished>().Any());

        Assert.Equal(50, run.Counters.FramesRead);
        Assert.InRange(run.Queue.Offered, 9, 10);
        var times = run.Frames.Select(f => f.MediaTime!.Value.TotalSeconds).ToList();
        Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= 0.15, $"gap {gap:0.000} s"));
    }

    [Fact]
    public async Task Endless_LoopsPastTheEndOfTheFile_WithGrowingMediaTime()
    {
        var video = await TestVideos.FaceMovingAcrossAsync(seconds: 1);
        await using var run = new CaptureRun(CaptureRun.NewSpec("videofile", video, endless: true, settings: CaptureRun.Settings(maxFps: 100, batch: true)), capacity: 8);

        await run.UntilFramesAsync(80);
        await run.StopAsync();

        Assert.DoesNotContain(run.Observer.Events, e => e is Finished or Failed);
        Assert.Equal(1, run.Counters.Connects);
        var times = run.Frames.Select(f => f.MediaTime!.Value).ToList();
        Assert.True(times[^1] > TimeSpan.FromSeconds(2), $"last media time {times[^1]}");
        Assert.Equal(times.OrderBy(t => t), times);
    }

    [Fact]
    public async Task NotAVideo_FailsWithFfmpegsReason_AndRetries()
    {
        var path = TestVideos.NotAVideo(_dir);
        await using var run = new CaptureRun(CaptureRun.NewSpec("videofile", path, settings: CaptureRun.Settings(reconnectDelayMs: 50)));

        await run.UntilAsync(o => o.Failures.Count >= 2);
        await run.StopAsync();

        var failure = run.Observer.Failures[0];
        Assert.Contains("Invalid data found when processing input", failure.Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(50), failure.RetryIn);
        Assert.Equal(0, run.Observer.StreamingCount);
        Assert.True(run.LaunchedPids.Count >= 2);
    }

    [Fact]
    public async Task ReconnectAttempts2_GivesUpAfterTwoRetries_AndEndsTheLoop()
    {
        var path = TestVideos.NotAVideo(_dir);
        await using var run = new CaptureRun(CaptureRun.NewSpec("videofile", path, settings: CaptureRun.Settings(reconnectDelayMs: 50, reconnectAttempts: 2)));

        await run.Loop.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([50.0, 100.0, null], run.Observer.Failures.Select(f => f.RetryIn?.TotalMilliseconds));
        Assert.Equal(3, run.LaunchedPids.Count);
        run.AssertNoFfmpegLeft();
    }

    [Fact]
    public async Task MissingFile_FailsWithoutStartingFfmpeg()
    {
        await using var run = new CaptureRun(CaptureRun.NewSpec("videofile", Path.Combine(_dir, "gone.mp4")));

        await run.UntilAsync(o => o.Failures.Count >= 1);

        Assert.Contains("does not exist", run.Observer.Failures[0].Reason);
        Assert.Empty(run.LaunchedPids);
    }

    [Fact]
    public async Task FrameLargerThanTheLimit_FailsWithTheSizeAndTheLimit()
    {
        var video = await TestVideos.FaceMovingAcrossAsync(seconds: 2);
        var options = new CaptureOptions { MaxFramePixels = 50_000 };
        await using var run = new CaptureRun(CaptureRun.NewSpec("videofile", video), options);

        await run.UntilAsync(o => o.Failures.Count >= 1);
        await run.StopAsync();

        Assert.Contains("320x240, larger than the limit", run.Observer.Failures[0].Reason);
        Assert.Empty(run.Frames);
    }

    [Fact]
    public async Task Cancelled_WhileStreaming_LeavesNoFfmpeg()
    {
        var video = await TestVideos.FaceMovingAcrossAsync(seconds: 2);
        await using var run = new CaptureRun(CaptureRun.NewSpec("videofile", video, endless: true));

        await run.UntilAsync(o => o.StreamingCount == 1);
        Assert.All(run.LaunchedPids, pid => Assert.True(Posix.IsAlive(pid)));
        await run.StopAsync();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
