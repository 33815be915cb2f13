using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>The body tests' videos: the first seconds of vtest.avi (people walking, opencv-doc) as H.264, made once into .cache/test-videos.</summary>
internal static class BodyVideos
{
    public static async Task<string> PedestriansAsync(double seconds = 6)
    {
        var path = Path.Combine(TestVideos.Folder, $"vtest-{seconds:0}s.mp4");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(TestVideos.Folder);
        // Two collections (PostgreSQL, SQLite) may make it at once: each writes its own file and the last move wins.
        var partial = $"{path}.{Guid.NewGuid():N}.partial.mp4";
        await TestProcess.RunAsync(TimeSpan.FromMinutes(2), "ffmpeg",
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", RepoPaths.Media("vtest.avi"),
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-g", "12", "-pix_fmt", "yuv420p", partial);
        File.Move(partial, path, overwrite: true);
        return path;
    }
}
