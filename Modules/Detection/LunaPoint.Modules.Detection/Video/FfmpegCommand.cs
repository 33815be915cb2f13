using System.Globalization;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// ffmpeg's arguments for a source: decode the first video stream to raw BGR frames on stdout. Live
/// sources probe little and buffer nothing, so the first frame comes fast; files are read in real time
/// (<c>-re</c>) unless analysed as a batch, and loop when endless. ffmpeg's own I/O timeout (twice the
/// read timeout) is a backstop: if this process dies hard, an ffmpeg stuck waiting on a silent source
/// still exits by itself (one that is streaming exits on the broken stdout pipe at its next frame).
/// </summary>
internal static class FfmpegCommand
{
    // Demuxers a camera or video file may use. Playlists and indirections (hls, concat, the text "tty"
    // demuxer, image sequences…) are left out: they make ffmpeg open other files or hosts than the source.
    private const string FileFormats = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,flv,asf,mpeg,mpegvideo,h264,hevc,mjpeg,m4v,ivf";
    private const string StreamFormats = "mpegts,mpjpeg,mjpeg,flv,matroska,webm,mov,mp4,m4a,3gp,3g2,mj2,h264,hevc,avi,asf,mpeg,mpegvideo";

    /// <param name="rtspTransport">"tcp" or "udp" for rtsp sources; ignored otherwise.</param>
    /// <param name="input">What ffmpeg opens for a video file (the host's pinned <c>/proc/&lt;pid&gt;/fd/&lt;n&gt;</c>); the source itself when null.</param>
    public static List<string> For(SourceSpec spec, string? rtspTransport, CaptureOptions options, string? input = null)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "level+info" };
        var ioTimeoutUs = Math.Max(1, (spec.Settings.Healthcheck ?? new()).ReadTimeoutMs) * 2000L;
        var type = spec.Type.ToLowerInvariant();
        if (type == "videofile")
        {
            if (!spec.Settings.Batch)
            {
                args.Add("-re");
            }

            if (spec.Endless)
            {
                args.AddRange(["-stream_loop", "-1"]);
            }

            // "file:" so that a name can never be read as another protocol or an option; only plain files and
            // container formats, so a playlist under a media root cannot read videos outside it.
            args.AddRange(["-protocol_whitelist", "file", "-format_whitelist", FileFormats, "-i", "file:" + (input ?? spec.Source)]);
            // Constant rate (ffmpeg's default for raw output): frame index / fps is then the media time.
            args.AddRange(Output(passthrough: false));
            return args;
        }

        args.AddRange(["-fflags", "nobuffer", "-flags", "low_delay",
            "-analyzeduration", Invariant(Math.Max(1, options.LiveAnalyzeDurationMs) * 1000L), "-probesize", Invariant(Math.Max(32, options.LiveProbeSizeBytes)),
            "-fpsprobesize", "0"]);
        switch (type)
        {
            case "rtsp":
                args.AddRange(["-rtsp_transport", rtspTransport ?? "tcp", "-timeout", Invariant(ioTimeoutUs),
                    "-protocol_whitelist", "rtsp,rtsps,rtp,srtp,udp,tcp,tls"]);
                break;
            case "http":
                // No hls: a playlist would make ffmpeg fetch segments from any host it names. (Redirects are
                // still followed by ffmpeg's HTTP client; see README, "Video sources".)
                args.AddRange(["-rw_timeout", Invariant(ioTimeoutUs), "-protocol_whitelist", "http,https,tcp,tls", "-format_whitelist", StreamFormats]);
                break;
            case "tcp":
                args.AddRange(["-rw_timeout", Invariant(ioTimeoutUs), "-protocol_whitelist", "tcp", "-format_whitelist", StreamFormats]);
                break;
            case "udp":
                args.AddRange(["-timeout", Invariant(ioTimeoutUs), "-protocol_whitelist", "udp", "-format_whitelist", StreamFormats]);
                break;
            case "webcam":
                args.AddRange(["-f", "v4l2", "-i", WebcamDevice(spec.Source)]);
                args.AddRange(Output(passthrough: true, Select(spec.Settings.MaxAnalysisFps)));
                return args;
        }

        args.AddRange(["-i", spec.Source]);
        // Passthrough: a live source's frames as they come, never duplicated to fill a gap.
        args.AddRange(Output(passthrough: true, Select(spec.Settings.MaxAnalysisFps)));
        return args;
    }

    public static string WebcamDevice(string source) =>
        int.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index is >= 0 and < 64
            ? $"/dev/video{index}"
            : throw new FrameSourceException("a webcam source is a device index from 0 to 63");

    private static IEnumerable<string> Output(bool passthrough, string? select = null) =>
        ["-map", "0:v:0", "-an", "-sn", "-dn", .. select is null ? Array.Empty<string>() : ["-vf", select],
         .. passthrough ? ["-fps_mode", "passthrough"] : Array.Empty<string>(), "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"];

    /// <summary>
    /// A live source's frames beyond maxAnalysisFps are dropped inside ffmpeg, before the conversion to BGR
    /// and the pipe: a 25 fps 720p camera analysed at 5 fps then costs a fifth of the conversion and copying
    /// (measured in the streams benchmark). The spacing is 95% of the interval so that a source running at
    /// an exact multiple does not lose every other frame to rounding; the capture loop's own decimation
    /// still holds the limit. Frames are never duplicated (select only drops).
    /// </summary>
    private static string? Select(double maxAnalysisFps) =>
        maxAnalysisFps is > 0 and < 1000
            ? $"select=isnan(prev_selected_t)+gte(t-prev_selected_t\\,{(0.95 / maxAnalysisFps).ToString("0.######", CultureInfo.InvariantCulture)})"
            : null;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
