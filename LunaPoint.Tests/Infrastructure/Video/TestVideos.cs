using System.Globalization;

namespace LunaPoint.Tests.Infrastructure.Video;

/// <summary>
/// H.264 test videos made by Debian's ffmpeg from the real test photos (Debian's opencv-doc):
/// a face drifting across a gray frame, like a person walking past a camera. Made once per parameter
/// set into .cache/test-videos and reused (a few seconds of encoding otherwise). A short GOP (keyframe
/// every half second by default) so that a client joining a live stream gets a picture fast, as with
/// real cameras.
/// </summary>
internal static class TestVideos
{
    private static readonly SemaphoreSlim Making = new(1, 1);

    public static string Folder => Path.Combine(RepoPaths.Root, ".cache", "test-videos");

    /// <summary>One face (<paramref name="photo"/> scaled to <paramref name="faceSize"/>) moving left to right, vertically centred.</summary>
    public static Task<string> FaceMovingAcrossAsync(
        int width = 320, int height = 240, int fps = 25, double seconds = 4, int faceSize = 120, string photo = "face_swapped.jpg", int gop = 12) =>
        MakeAsync($"face-{Path.GetFileNameWithoutExtension(photo)}-{width}x{height}-{fps}fps-{Num(seconds)}s-{faceSize}px-g{gop}.mp4",
            ["-loop", "1", "-i", RepoPaths.Media(photo)],
            $"[1:v]scale={faceSize}:{faceSize}[f];[0:v][f]overlay=x='(W-w)*t/{Num(seconds)}':y=(H-h)/2:shortest=1,format=yuv420p",
            width, height, fps, seconds, gop);

    /// <summary>Two different people: <paramref name="photoA"/> left to right in the upper half, <paramref name="photoB"/> right to left in the lower half.</summary>
    public static Task<string> TwoFacesAsync(
        int width = 640, int height = 480, int fps = 25, double seconds = 4, int faceSize = 140,
        string photoA = "face_swapped.jpg", string photoB = "messi5.jpg", int gop = 12) =>
        MakeAsync($"two-{Path.GetFileNameWithoutExtension(photoA)}-{Path.GetFileNameWithoutExtension(photoB)}-{width}x{height}-{fps}fps-{Num(seconds)}s-{faceSize}px-g{gop}.mp4",
            ["-loop", "1", "-i", RepoPaths.Media(photoA), "-loop", "1", "-i", RepoPaths.Media(photoB)],
            $"[1:v]scale={faceSize}:{faceSize}[a];[2:v]scale={faceSize}:{faceSize}[b];" +
            $"[0:v][a]overlay=x='(W-w)*t/{Num(seconds)}':y=H/4-h/2:shortest=1[m];" +
            $"[m][b]overlay=x='(W-w)*(1-t/{Num(seconds)})':y=3*H/4-h/2:shortest=1,format=yuv420p",
            width, height, fps, seconds, gop);

    /// <summary>A file named like a video that holds text.</summary>
    public static string NotAVideo(string directory)
    {
        var path = Path.Combine(directory, "not-a-video.mp4");
        File.WriteAllText(path, "This is not a video, whatever its name says.\n");
        return path;
    }

    private static async Task<string> MakeAsync(string name, string[] inputs, string filter, int width, int height, int fps, double seconds, int gop)
    {
        var path = Path.Combine(Folder, name);
        await Making.WaitAsync();
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            Directory.CreateDirectory(Folder);
            var partial = path + $".{Environment.ProcessId}.partial.mp4";
            await TestProcess.RunAsync(TimeSpan.FromMinutes(3), "ffmpeg",
            [
                "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", $"color=c=gray:s={width}x{height}:r={fps}",
                .. inputs,
                "-filter_complex", filter,
                "-t", Num(seconds), "-r", fps.ToString(CultureInfo.InvariantCulture),
                "-c:v", "libx264", "-preset", "ultrafast", "-g", gop.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p", partial,
            ]);
            File.Move(partial, path, overwrite: true);
            return path;
        }
        finally
        {
            Making.Release();
        }
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
