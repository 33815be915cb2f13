using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>Makes the frame source for a stream type, fresh for every (re)connect.</summary>
internal sealed class FrameSourceFactory(
    FfmpegLauncher launcher, NetworkSourceGuard guard, LocalFileGuard files, IOptions<CaptureOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    public IFrameSource Create(SourceSpec spec)
    {
        // "auto" RTSP gives TCP half the read timeout before it tries UDP.
        var tcpAttempt = TimeSpan.FromMilliseconds(Math.Max(500, (spec.Settings.Healthcheck ?? new()).ReadTimeoutMs / 2));
        return spec.Type.ToLowerInvariant() switch
        {
            "images" => new ImageFolderSource(spec, files, options.Value, time, loggers.CreateLogger<ImageFolderSource>()),
            "rtsp" or "http" or "udp" or "tcp" => new FfmpegFrameSource(spec, launcher, guard, null, options.Value, time, tcpAttempt),
            "videofile" or "webcam" => new FfmpegFrameSource(spec, launcher, null, files, options.Value, time, tcpAttempt),
            _ => throw new FrameSourceException($"unknown source type '{spec.Type}'"),
        };
    }
}
