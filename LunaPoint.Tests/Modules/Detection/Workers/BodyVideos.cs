using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>The body tests' videos (opencv-doc media, H.264), made once into .cache/test-videos.</summary>
internal static class BodyVideos
{
    /// <summary>The first seconds of vtest.avi: people walking across a car park.</summary>
    public static Task<string> PedestriansAsync(double seconds = 6) =>
        MakeAsync($"vtest-{seconds:0}s.mp4", ["-i", RepoPaths.Media("vtest.avi"), "-t", Num(seconds)]);

    /// <summary>
    /// A whole person with a face a face detector finds, walking across a 720p frame: the walker of vtest.avi's
    /// first frame (its box checked by eye in the body detector's tests), four times larger, with a real face
    /// photo (face_swapped.jpg) over the head, which vtest's few pixels would not give.
    /// </summary>
    public static async Task<string> PersonWithAFaceAsync(double seconds = 4)
    {
        var person = Path.Combine(TestVideos.Folder, "vtest-walker-with-face-100.png");
        Directory.CreateDirectory(TestVideos.Folder);
        if (!File.Exists(person))
        {
            using var capture = new VideoCapture(RepoPaths.Media("vtest.avi"));
            using var frame = new Mat();
            Assert.True(capture.Read(frame), "vtest.avi's first frame");
            // The walker at (246,203) 45x119, with 20 px around.
            using var walker = new Mat(frame, new Rect(226, 183, 85, 159)).Resize(new Size(340, 636), 0, 0, InterpolationFlags.Cubic);
            using var photo = Cv2.ImRead(RepoPaths.Media("face_swapped.jpg"));
            using var face = photo.Resize(new Size(100, 100), 0, 0, InterpolationFlags.Area);
            // Over the head: the box's top centre (x 246+22-226 = 42 → 168; the head's middle about y 203+8-183 = 28 → 112), a little low so the photo's face sits on the neck.
            face.CopyTo(new Mat(walker, new Rect(168 - 50, 125 - 50, 100, 100)));
            var partial = $"{person}.{Guid.NewGuid():N}.png";
            Cv2.ImWrite(partial, walker);
            File.Move(partial, person, overwrite: true);
        }

        return await MakeAsync($"walker-with-face-100-1280x720-{Num(seconds)}s.mp4",
        [
            "-f", "lavfi", "-i", "color=c=gray:s=1280x720:r=25", "-loop", "1", "-i", person,
            "-filter_complex", $"[0:v][1:v]overlay=x='(W-w)*t/{Num(seconds)}':y=(H-h)/2:shortest=1,format=yuv420p", "-t", Num(seconds), "-r", "25",
        ]);
    }

    private static async Task<string> MakeAsync(string name, string[] input)
    {
        var path = Path.Combine(TestVideos.Folder, name);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(TestVideos.Folder);
        // Two collections (PostgreSQL, SQLite) may make it at once: each writes its own file and the last move wins.
        var partial = $"{path}.{Guid.NewGuid():N}.partial.mp4";
        await TestProcess.RunAsync(TimeSpan.FromMinutes(2), "ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", .. input, "-c:v", "libx264", "-preset", "ultrafast", "-g", "12", "-pix_fmt", "yuv420p", partial]);
        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static string Num(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
