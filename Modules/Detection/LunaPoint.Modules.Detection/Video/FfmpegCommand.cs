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
    /// <param name="rtspTransport">"tcp" or "udp" for rtsp sources; ignored otherwise.</param>
    public static List<string> For(SourceSpec spec, string? rtspTransport, CaptureOptions options)
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

            // "file:" so that a name can never be read as another protocol or an option.
            args.AddRange(["-i", "file:" + spec.Source]);
            // Constant rate (ffmpeg's default for raw output): frame index / fps is then the media time.
            args.AddRange(Output(passthrough: false));
            return args;
        }

        args.AddRange(["-fflags", "nobuffer", "-flags", "low_delay",
            "-analyzeduration", Invariant(options.LiveAnalyzeDurationMs * 1000L), "-probesize", Invariant(Math.Max(32, options.LiveProbeSizeBytes))]);
        switch (type)
        {
            case "rtsp":
                args.AddRange(["-rtsp_transport", rtspTransport ?? "tcp", "-timeout", Invariant(ioTimeoutUs)]);
                break;
            case "http" or "tcp":
                args.AddRange(["-rw_timeout", Invariant(ioTimeoutUs)]);
                break;
            case "udp":
                args.AddRange(["-timeout", Invariant(ioTimeoutUs)]);
                break;
            case "webcam":
                args.AddRange(["-f", "v4l2", "-i", WebcamDevice(spec.Source)]);
                args.AddRange(Output(passthrough: true));
                return args;
        }

        args.AddRange(["-i", spec.Source]);
        // Passthrough: a live source's frames as they come, never duplicated to fill a gap.
        args.AddRange(Output(passthrough: true));
        return args;
    }

    public static string WebcamDevice(string source) =>
        int.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index is >= 0 and < 64
            ? $"/dev/video{index}"
            : throw new FrameSourceException("a webcam source is a device index from 0 to 63");

    private static IEnumerable<string> Output(bool passthrough) =>
        ["-map", "0:v:0", "-an", "-sn", "-dn", .. passthrough ? ["-fps_mode", "passthrough"] : Array.Empty<string>(), "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
