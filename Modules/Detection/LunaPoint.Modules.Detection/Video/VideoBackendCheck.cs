using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// OpenCV decodes files and frames; Debian's ffmpeg reads network streams (OpenCV's bundled FFmpeg has
/// no network protocols). Without OpenCV nothing can be analysed: unhealthy. Without ffmpeg only network
/// cameras fail: degraded, which still answers 200 on /health/ready.
/// </summary>
internal sealed class VideoBackendCheck(FfmpegLauncher ffmpeg) : IHealthCheck
{
    private static readonly Lazy<string?> OpenCvProblem = new(ProbeOpenCv);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (OpenCvProblem.Value is { } problem)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(problem));
        }

        return Task.FromResult(!ffmpeg.IsAvailable
            ? HealthCheckResult.Degraded($"ffmpeg not found ({ffmpeg.FfmpegPath}): network streams cannot be read. Fix: apt-get install -y ffmpeg, or set {CaptureOptions.FfmpegPathKey}")
            : HealthCheckResult.Healthy($"OpenCV {Cv2.GetVersionString()}, ffmpeg present"));
    }

    private static string? ProbeOpenCv()
    {
        try
        {
            _ = Cv2.GetVersionString();
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return "OpenCV native library failed to load (it links GTK 3). Fix: apt-get install -y --no-install-recommends libgtk-3-0";
        }
    }
}

internal static class FfmpegLocator
{
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "ffmpeg"))
            .FirstOrDefault(File.Exists);
}
