using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>Starts ffmpeg child processes for the frame sources.</summary>
internal sealed class FfmpegLauncher(IOptions<CaptureOptions> options)
{
    /// <summary>Raised with the process id of every ffmpeg started (tests check each one is gone afterwards).</summary>
    public event Action<int>? Started;

    public string FfmpegPath => options.Value.FfmpegPath is { Length: > 0 } path ? path : FfmpegLocator.Find() ?? "ffmpeg";

    public FfmpegProcess Start(IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(FfmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new FrameSourceException($"ffmpeg ({FfmpegPath}) did not start");
        }
        catch (Win32Exception ex)
        {
            throw new FrameSourceException(
                $"ffmpeg ({FfmpegPath}) could not be started: {ex.Message}. Install it (apt-get install -y ffmpeg) or set {CaptureOptions.FfmpegPathKey}", ex);
        }

        Started?.Invoke(process.Id);
        return new FfmpegProcess(process);
    }
}
