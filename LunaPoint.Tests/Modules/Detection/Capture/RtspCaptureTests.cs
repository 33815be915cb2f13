using LunaPoint.Tests.Infrastructure.Video;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Capture;

/// <summary>An RTSP camera stand-in (rtsp-server-perl fed by ffmpeg; RTP over UDP only) killed, restarted and frozen.</summary>
public sealed class RtspCaptureTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("udp")]
    [InlineData("auto")]
    public async Task Rtsp_KilledAndRestarted_FailsThenStreamsAgain(string transport)
    {
        var video = await TestVideos.FaceMovingAcrossAsync();
        await using var server = await RtspTestServer.StartNewAsync(video);
        await using var run = new CaptureRun(
            CaptureRun.NewSpec("rtsp", server.Url, endless: true, settings: CaptureRun.Settings(maxFps: 10, rtspTransport: transport, readTimeoutMs: 4000)));

        await run.UntilAsync(o => o.StreamingCount == 1);
        output.WriteLine($"RTSP ({transport}): first frame after {(run.Observer.Events.OfType<Streaming>().First().At - run.StartedAt).TotalMilliseconds:0} ms");
        await server.KillAsync();
        await run.UntilAsync(o => o.Failures.Count >= 1);
        await server.StartAsync();
        await run.UntilAsync(o => o.StreamingCount == 2, seconds: 90);
        await run.StopAsync();

        Assert.All(run.Frames, f => Assert.Equal((320, 240), (f.Width, f.Height)));
        Assert.NotNull(run.Observer.Failures[0].RetryIn);
    }

    [Fact]
    public async Task Rtsp_TcpTransportAgainstAUdpOnlyServer_FailsWithTheServersAnswer()
    {
        var video = await TestVideos.FaceMovingAcrossAsync();
        await using var server = await RtspTestServer.StartNewAsync(video);
        await using var run = new CaptureRun(CaptureRun.NewSpec("rtsp", server.Url, endless: true, settings: CaptureRun.Settings(rtspTransport: "tcp")));

        await run.UntilAsync(o => o.Failures.Count >= 1);
        await run.StopAsync();

        Assert.Contains("400 Bad Request", run.Observer.Failures[0].Reason);
        Assert.Equal(0, run.Observer.StreamingCount);
    }

    [Fact]
    public async Task Rtsp_ServerFrozen_StallDetected_ThenStreamsAgainOnceItRuns()
    {
        var video = await TestVideos.FaceMovingAcrossAsync();
        await using var server = await RtspTestServer.StartNewAsync(video);
        await using var run = new CaptureRun(
            CaptureRun.NewSpec("rtsp", server.Url, endless: true, settings: CaptureRun.Settings(maxFps: 10, rtspTransport: "udp", readTimeoutMs: 2000, reconnectDelayMs: 200)));
        await run.UntilAsync(o => o.StreamingCount == 1);

        server.Pause();
        await run.UntilAsync(o => o.Failures.Count >= 1, seconds: 30);
        server.Resume();
        await run.UntilAsync(o => o.StreamingCount >= 2, seconds: 90);
        await run.StopAsync();

        Assert.Contains("stopped sending", run.Observer.Failures[0].Reason);
    }
}
