using System.Net;
using LunaPoint.Modules.Detection.Video;
using LunaPoint.Tests.Infrastructure.Video;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Capture;

/// <summary>HTTP cameras served by ffmpeg on loopback: restarts, stalls, closed ports, bad and denied hosts.</summary>
public sealed class HttpCaptureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Http_KilledAndRestarted_FailsThenStreamsAgain_WithoutRestartingTheLoop()
    {
        var video = await TestVideos.FaceMovingAcrossAsync();
        await using var server = await FfmpegHttpSource.StartNewAsync(video);
        await using var run = new CaptureRun(CaptureRun.NewSpec("http", server.Url, endless: true, settings: CaptureRun.Settings(maxFps: 10)));

        await run.UntilAsync(o => o.StreamingCount == 1);
        output.WriteLine($"MPEG-TS over HTTP: first frame after {FirstFrame(run)} ms");
        await server.KillAsync();
        await run.UntilAsync(o => o.Failures.Count >= 1);
        await server.StartAsync();
        await run.UntilAsync(o => o.StreamingCount == 2);
        var framesBefore = run.Counters.FramesRead;
        await Wait.UntilAsync(() => run.Counters.FramesRead > framesBefore + 5, TimeSpan.FromSeconds(30), () => "no frames after the restart");
        await run.StopAsync();

        Assert.Contains("the source ended", run.Observer.Failures[0].Reason);
        Assert.True(run.Counters.Connects >= 2);
        Assert.True(run.Counters.InputFps > 5, $"input fps {run.Counters.InputFps}");
        Assert.True(run.Counters.LastFrameAt > run.StartedAt);
    }

    [Fact]
    public async Task HttpMjpeg_Streams()
    {
        var video = await TestVideos.FaceMovingAcrossAsync();
        await using var server = await FfmpegHttpSource.StartNewAsync(video, mjpeg: true);
        await using var run = new CaptureRun(CaptureRun.NewSpec("http", server.Url, endless: true, settings: CaptureRun.Settings(maxFps: 10)));

        await run.UntilFramesAsync(5);
        output.WriteLine($"MJPEG over HTTP: first frame after {FirstFrame(run)} ms");
        await run.StopAsync();

        Assert.All(run.Frames, f => Assert.Equal((320, 240), (f.Width, f.Height)));
        Assert.Empty(run.Observer.Failures);
    }

    [Fact]
    public async Task SourceStopsSendingMidStream_StallDetectedWithinTheReadTimeout_ThenReconnects()
    {
        var video = await TestVideos.FaceMovingAcrossAsync();
        await using var server = await FfmpegHttpSource.StartNewAsync(video);
        await using var run = new CaptureRun(
            CaptureRun.NewSpec("http", server.Url, endless: true, settings: CaptureRun.Settings(maxFps: 10, readTimeoutMs: 2000)));
        await run.UntilAsync(o => o.StreamingCount == 1);

        server.Pause();
        var pausedAt = DateTimeOffset.UtcNow;
        await run.UntilAsync(o => o.Failures.Count >= 1, seconds: 30);
        var stall = run.Observer.Failures[0];
        await server.StartAsync();
        await run.UntilAsync(o => o.StreamingCount == 2);
        await run.StopAsync();

        Assert.Contains("stopped sending", stall.Reason);
        // Detected after the read timeout (2 s), not much later (the frames in flight before the pause count too).
        Assert.InRange((stall.At - pausedAt).TotalSeconds, 1.0, 15);
        Assert.NotNull(stall.RetryIn);
    }

    [Fact]
    public async Task ClosedPort_FailsWithTheReason_RetriedWithGrowingDelays()
    {
        var url = $"http://127.0.0.1:{FreePorts.Closed()}/live.ts";
        await using var run = new CaptureRun(CaptureRun.NewSpec("http", url, endless: true, settings: CaptureRun.Settings(reconnectDelayMs: 100, maxBackoffMs: 400)));

        await run.UntilAsync(o => o.Failures.Count >= 4);
        await run.StopAsync();

        Assert.Contains("Connection refused", run.Observer.Failures[0].Reason);
        Assert.Equal([100.0, 200.0, 400.0, 400.0], run.Observer.Failures.Take(4).Select(f => f.RetryIn!.Value.TotalMilliseconds));
        var gaps = run.Observer.Failures.Zip(run.Observer.Failures.Skip(1), (a, b) => b.At - a.At).Take(3).ToList();
        Assert.True(gaps[2] >= TimeSpan.FromMilliseconds(350), $"gaps {string.Join(", ", gaps)}");
    }

    [Fact]
    public async Task UnknownHost_FailsWithAnUnknownHostReason_WithoutStartingFfmpeg()
    {
        await using var run = new CaptureRun(CaptureRun.NewSpec("rtsp", "rtsp://cam.invalid/stream1", endless: true));

        await run.UntilAsync(o => o.Failures.Count >= 1);

        Assert.Contains("unknown host cam.invalid", run.Observer.Failures[0].Reason);
        Assert.Empty(run.LaunchedPids);
    }

    [Fact]
    public async Task HostNameResolvingToADeniedRange_RefusedBeforeAnyConnection()
    {
        var resolver = new MapResolver(new() { ["camera.example"] = [IPAddress.Loopback, IPAddress.Parse("169.254.169.254")] });
        await using var run = new CaptureRun(CaptureRun.NewSpec("http", "http://camera.example:8080/live.ts", endless: true), resolver: resolver);

        await run.UntilAsync(o => o.Failures.Count >= 1);

        Assert.Contains("resolves to a denied address range", run.Observer.Failures[0].Reason);
        Assert.DoesNotContain("169.254", run.Observer.Failures[0].Reason);
        Assert.Empty(run.LaunchedPids);
    }

    [Theory]
    [InlineData("http://admin:S3cretPw9@127.0.0.1:{port}/live.ts?token=T0kenValue7")]
    [InlineData("rtsp://admin:S3cretPw9@cam.invalid/live?token=T0kenValue7")]
    [InlineData("tcp://admin:S3cretPw9@127.0.0.1:{port}?token=T0kenValue7")]
    public async Task Credentials_NeverAppearInReasonsOrLogs(string source)
    {
        await using var run = new CaptureRun(CaptureRun.NewSpec(source[..source.IndexOf(':')], source.Replace("{port}", FreePorts.Closed().ToString()), endless: true,
            settings: CaptureRun.Settings(reconnectDelayMs: 50)));

        await run.UntilAsync(o => o.Failures.Count >= 2);
        await run.StopAsync();

        var text = string.Join('\n', run.Observer.Failures.Select(f => f.Reason).Concat(run.Logs.Lines.Select(l => l.Message)));
        Assert.DoesNotContain("S3cretPw9", text);
        Assert.DoesNotContain("T0kenValue7", text);
    }

    [Fact]
    public async Task MissingWebcam_FailsWithTheDevice()
    {
        await using var run = new CaptureRun(CaptureRun.NewSpec("webcam", "63", endless: true));

        await run.UntilAsync(o => o.Failures.Count >= 1);

        Assert.Contains("/dev/video63 does not exist", run.Observer.Failures[0].Reason);
    }

    private static long FirstFrame(CaptureRun run) =>
        (long)(run.Observer.Events.OfType<Streaming>().First().At - run.StartedAt).TotalMilliseconds;

    private sealed class MapResolver(Dictionary<string, IPAddress[]> map) : IHostResolver
    {
        public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            ValueTask.FromResult(map.TryGetValue(host, out var addresses) ? addresses : throw new System.Net.Sockets.SocketException(11001));
    }
}
