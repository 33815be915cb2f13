using System.Diagnostics;
using System.Globalization;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>
/// The camera stand-in: a 30 s 1280x720 25 fps H.264 clip (keyframe every second, no B-frames, as
/// cameras send) of five faces from Debian's opencv-doc photos on a grey frame, one to three at a time:
/// each appears whole, drifts slowly (so the tracker follows motion) and disappears, so every loop starts
/// and ends five tracks and first-best-shot latency is measured again and again. Faces appear whole rather
/// than sliding in from an edge: a face cut by the edge is too small to be a best shot, so latency would
/// measure the clip (how long the face takes to come in) instead of the pipeline. Made once into .cache/bench/.
/// The faces clip has no people in it; <see cref="People"/> (opencv-doc's vtest.avi: pedestrians in a street,
/// 768x576, 25 fps here) is the clip for body tracking, at its own size because HOG is run on at most
/// 768x576 and its people (~100 px tall) would shrink below HOG's window if the frame were scaled down.
/// </summary>
internal static class TestClips
{
    public const string Faces = "faces";
    public const string People = "people";

    // Bump when a recipe changes, so a stale clip is never reused.
    private const string Name = "faces-720p25-v2.mp4";
    private const string PeopleName = "people-vtest-576p25-v1.mp4";
    private const int Seconds = 30;

    public static string Known(string clip) =>
        clip is Faces or People ? clip : throw new FormatException($"--clip wants {Faces} or {People}, got '{clip}'");

    // photo, crop (w:h:x:y) around the face, width on screen, start x, lane y, shown from/to (s), drift px/s.
    private static readonly (string Photo, string Crop, int Width, int X, int Y, int From, int To, int Drift)[] Photos =
    [
        ("faceDetection.png", "260:280:170:140", 260, 100, 40, 1, 8, 40),
        ("lbp_yale.jpg", "166:190:0:0", 220, 900, 440, 4, 11, -40),
        ("julia_facedetect_sample.jpg", "200:230:150:100", 220, 200, 240, 10, 18, 40),
        ("facereg.jpg", "100:100:100:100", 200, 800, 60, 14, 21, -40),
        ("face_swapped.jpg", "200:220:65:30", 240, 300, 400, 23, 29, 30),
    ];

    public static async Task<string> EnsureAsync(string repoRoot, string which, TextWriter log, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(repoRoot, ".cache", "bench");
        var clip = Path.Combine(folder, which == People ? PeopleName : Name);
        if (File.Exists(clip))
        {
            return clip;
        }

        Directory.CreateDirectory(folder);
        var media = Path.Combine(repoRoot, ".cache", "test-media");
        var needed = which == People ? new[] { "vtest.avi" } : Photos.Select(f => f.Photo).ToArray();
        if (needed.FirstOrDefault(f => !File.Exists(Path.Combine(media, f))) is { } missing)
        {
            throw new InvalidOperationException($"{Path.Combine(media, missing)} is missing: scripts/test.sh fetches the test media (Debian's opencv-doc)");
        }

        var partial = clip + ".part.mp4";
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in which == People ? PeopleArguments(media, partial) : Arguments(media, partial))
        {
            info.ArgumentList.Add(arg);
        }

        log.WriteLine($"making the test clip {clip} (once) ...");
        var ffmpeg = ChildProcesses.Start(info);
        try
        {
            var errors = ffmpeg.StandardError.ReadToEndAsync(cancellationToken);
            await ffmpeg.WaitForExitAsync(cancellationToken);
            if (ffmpeg.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg could not make the test clip (exit {ffmpeg.ExitCode}): {await errors}");
            }
        }
        finally
        {
            ChildProcesses.Kill(ffmpeg);
        }

        File.Move(partial, clip, overwrite: true);
        return clip;
    }

    /// <summary>vtest.avi's first 30 s (10 fps MPEG-4) re-timed to 25 fps and encoded as the faces clip is.</summary>
    private static List<string> PeopleArguments(string media, string output) =>
    [
        "-nostdin", "-y", "-loglevel", "error", "-i", Path.Combine(media, "vtest.avi"), "-vf", "fps=25", "-t", Seconds.ToString(CultureInfo.InvariantCulture),
        "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-bf", "0", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0",
        "-pix_fmt", "yuv420p", "-movflags", "+faststart", output,
    ];

    private static List<string> Arguments(string media, string output)
    {
        var args = new List<string> { "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", $"color=c=0x808080:s=1280x720:r=25:d={Seconds}" };
        var graph = new List<string>();
        var last = "0:v";
        for (var i = 0; i < Photos.Length; i++)
        {
            var f = Photos[i];
            args.AddRange(["-loop", "1", "-framerate", "25", "-t", Seconds.ToString(CultureInfo.InvariantCulture), "-i", Path.Combine(media, f.Photo)]);
            graph.Add($"[{i + 1}:v]crop={f.Crop},scale={f.Width}:-2[f{i}]");
            graph.Add($"[{last}][f{i}]overlay=x='{f.X}+(t-{f.From})*{f.Drift}':y={f.Y}:enable='between(t,{f.From},{f.To})'[v{i}]");
            last = $"v{i}";
        }

        args.AddRange(["-filter_complex", string.Join(';', graph), "-map", $"[{last}]", "-t", Seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-bf", "0", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0",
            "-pix_fmt", "yuv420p", "-movflags", "+faststart", output]);
        return args;
    }
}
