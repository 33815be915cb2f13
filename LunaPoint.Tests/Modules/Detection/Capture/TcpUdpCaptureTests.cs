using LunaPoint.Tests.Infrastructure.Video;

namespace LunaPoint.Tests.Modules.Detection.Capture;

/// <summary>MPEG-TS over plain TCP (ffmpeg listening) and over UDP (ffmpeg sending to the port capture binds).</summary>
public sealed class TcpUdpCaptureTests
{
    [Fact]
    public async Task Tcp_Streams()
    {
        var video = await TestVideos.FaceMovingAcrossAsync();
        var port = FreePorts.Tcp();
        await using var server = TestProcess.Start("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", video, "-an", "-c", "copy", "-f", "mpegts", $"tcp://127.0.0.1:{port}?listen=1"]);
        await Wait.UntilAsync(() => Posix.IsListening(port), TimeSpan.FromSeconds(30), () => server.Output);
        await using var run = new CaptureRun(CaptureRun.NewSpec("tcp", $"tcp://127.0.0.1:{port}", endless: true, settings: CaptureRun.Settings(maxFps: 10)));

        await run.UntilFramesAsync(5);
        await run.StopAsync();

        Assert.All(run.Frames, f => Assert.Equal((320, 240), (f.Width, f.Height)));
        Assert.Empty(run.Observer.Failures);
    }

    [Fact]
    public async Task Udp_Streams_AndASenderThatStops_IsAStall()
    {
        var video = await TestVideos.FaceMovingAcrossAsync();
        var port = FreePorts.TcpAndUdp();
        await using var run = new CaptureRun(
            CaptureRun.NewSpec("udp", $"udp://127.0.0.1:{port}", endless: true, settings: CaptureRun.Settings(maxFps: 10, readTimeoutMs: 4000)));
        await using var sender = TestProcess.Start("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", video, "-an", "-c", "copy", "-f", "mpegts", $"udp://127.0.0.1:{port}?pkt_size=1316"]);

        // On a busy machine the first attempt may time out before the sender runs; it is retried.
        await run.UntilFramesAsync(5);
        var failuresBefore = run.Observer.Failures.Count;
        await sender.KillAsync();
        await run.UntilAsync(o => o.Failures.Count > failuresBefore);
        await run.StopAsync();

        Assert.All(run.Frames, f => Assert.Equal((320, 240), (f.Width, f.Height)));
        Assert.Contains("stopped sending", run.Observer.Failures[failuresBefore].Reason);
    }
}
