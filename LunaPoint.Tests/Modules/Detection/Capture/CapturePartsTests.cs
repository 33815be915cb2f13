using LunaPoint.Modules.Detection.Video;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Tests.Modules.Detection.Capture;

/// <summary>The capture loop's small parts: decimation, backoff, ffmpeg's command line and what it prints.</summary>
public sealed class CapturePartsTests
{
    [Theory]
    [InlineData(25, 10, 100)]
    [InlineData(25, 5, 50)]
    [InlineData(30, 7, 70)]
    [InlineData(10, 25, 100)]
    public void Decimator_KeepsAtMostMaxFpsOfTheSourceTime(double sourceFps, double maxFps, int expected)
    {
        var decimator = new FrameDecimator(maxFps);
        var frames = (int)(sourceFps * 10);

        var kept = Enumerable.Range(0, frames).Select(i => TimeSpan.FromSeconds(i / sourceFps)).Where(decimator.Take).ToList();

        // Ten seconds hold `expected` intervals; the slack can admit one more frame at the very end.
        Assert.InRange(kept.Count, expected - 1, expected + 1);
        // No two kept frames closer than three quarters of the interval (the slack for jitter).
        var gaps = kept.Zip(kept.Skip(1), (a, b) => (b - a).TotalSeconds);
        Assert.All(gaps, g => Assert.True(g >= 0.75 / Math.Min(maxFps, sourceFps) - 1e-9, $"gap {g:0.000} s"));
    }

    [Fact]
    public void Decimator_SourceAtTheLimitWithJitter_LosesNoFrame()
    {
        var decimator = new FrameDecimator(10);
        var jitter = new[] { 0.0, 0.02, -0.02, 0.015, -0.01 };

        var kept = Enumerable.Range(0, 100).Count(i => decimator.Take(TimeSpan.FromSeconds(i * 0.1 + jitter[i % jitter.Length])));

        Assert.Equal(100, kept);
    }

    [Fact]
    public void Backoff_DoublesFromTheDelayUpToTheCeiling_AndGivesUpAfterTheAttempts()
    {
        var forever = new ReconnectBackoff(new HealthcheckSettings(ReconnectAttempts: 0, ReconnectDelayMs: 100, MaxBackoffMs: 500));
        Assert.Equal([100, 200, 400, 500, 500], Enumerable.Range(0, 5).Select(_ => forever.Next()!.Value.TotalMilliseconds));
        forever.Reset();
        Assert.Equal(100, forever.Next()!.Value.TotalMilliseconds);

        var two = new ReconnectBackoff(new HealthcheckSettings(ReconnectAttempts: 2, ReconnectDelayMs: 100, MaxBackoffMs: 500));
        Assert.Equal([100.0, 200.0, null], Enumerable.Range(0, 3).Select(_ => two.Next()?.TotalMilliseconds));
    }

    [Fact]
    public void Stderr_TakesTheRawOutputSizeAndFps_NotTheInputs()
    {
        var stderr = new FfmpegStderr();
        string[] lines =
        [
            "[info] Input #0, mpegts, from 'http://127.0.0.1:1/live.ts':",
            "[info]   Stream #0:0[0x100]: Video: h264 (Constrained Baseline) ([27][0][0][0] / 0x001B), yuv420p(progressive), 1920x1080 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 90k tbn",
            "[info] Output #0, rawvideo, to 'pipe:1':",
            "[info]   Stream #0:0(und): Video: rawvideo (BGR[24] / 0x18524742), bgr24(pc, gbr/unknown/unknown, progressive), 320x240 [SAR 1:1 DAR 4:3], q=2-31, 46080 kb/s, 29.97 fps, 25 tbn (default)",
        ];

        var completed = lines.Select(stderr.Add).ToList();

        Assert.Equal([false, false, false, true], completed);
        Assert.Equal((320, 240, (double?)29.97), stderr.Output);
        Assert.Null(stderr.Errors());
    }

    [Fact]
    public void Stderr_KeepsErrorLinesWithoutPointers()
    {
        var stderr = new FfmpegStderr();
        stderr.Add("[tcp @ 0x561ce7e95280] [error] Connection to tcp://127.0.0.1:1 failed: Connection refused");
        stderr.Add("[info] frame=    3 fps=0.0");
        stderr.Add("[error] http://127.0.0.1:1/x.ts: Connection refused");

        Assert.Equal("Connection to tcp://127.0.0.1:1 failed: Connection refused; http://127.0.0.1:1/x.ts: Connection refused", stderr.Errors());
    }

    [Theory]
    [InlineData("rtsp", "udp", "-rtsp_transport udp")]
    [InlineData("rtsp", "tcp", "-rtsp_transport tcp")]
    [InlineData("http", null, "-rw_timeout 4000000")]
    [InlineData("webcam", null, "-f v4l2 -i /dev/video3")]
    public void Command_LiveSources_LowLatencyPassthroughRawBgr(string type, string? transport, string expected)
    {
        var spec = new SourceSpec(Guid.NewGuid(), type, type == "webcam" ? "3" : $"{type}://127.0.0.1/x",
            true, new StreamSettings(Healthcheck: new HealthcheckSettings(ReadTimeoutMs: 2000)));

        var args = string.Join(' ', FfmpegCommand.For(spec, transport, new CaptureOptions()));

        Assert.Contains(expected, args);
        Assert.Contains("-fflags nobuffer -flags low_delay -analyzeduration 100000 -probesize 32768 -fpsprobesize 0", args);
        // Frames beyond maxAnalysisFps (10 by default) are dropped inside ffmpeg, before the BGR conversion.
        Assert.EndsWith(@"-map 0:v:0 -an -sn -dn -vf select=isnan(prev_selected_t)+gte(t-prev_selected_t\,0.095) -fps_mode passthrough -f rawvideo -pix_fmt bgr24 pipe:1", args);
        Assert.Contains("-nostdin", args);
    }

    [Theory]
    [InlineData(false, false, "-re -protocol_whitelist file -format_whitelist")]
    [InlineData(true, false, "-hide_banner -nostdin -nostats -loglevel level+info -protocol_whitelist file -format_whitelist")]
    [InlineData(false, true, "-re -stream_loop -1 -protocol_whitelist file -format_whitelist")]
    public void Command_VideoFile_RealTimeUnlessBatch_LoopsWhenEndless(bool batch, bool endless, string expected)
    {
        var spec = new SourceSpec(Guid.NewGuid(), "videofile", "/m/a.mp4", endless, new StreamSettings(Batch: batch));

        var args = string.Join(' ', FfmpegCommand.For(spec, null, new CaptureOptions()));
        var pinned = string.Join(' ', FfmpegCommand.For(spec, null, new CaptureOptions(), "/proc/42/fd/7"));

        Assert.Contains(expected, args);
        // Plain files and containers only: no playlist (hls), list (concat) or text (tty) demuxer.
        Assert.Matches(@"-format_whitelist (?![^ ]*(hls|concat|tty|image2))[a-z0-9,_]+ -i file:/m/a\.mp4", args);
        Assert.EndsWith("-i file:/proc/42/fd/7 -map 0:v:0 -an -sn -dn -f rawvideo -pix_fmt bgr24 pipe:1", pinned);
        Assert.DoesNotContain("passthrough", args);
    }
}
