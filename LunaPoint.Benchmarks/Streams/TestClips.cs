using System.Diagnostics;
using System.Globalization;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>
/// The camera stand-in: a 30 s 1280x720 25 fps H.264 clip (keyframe every second, no B-frames, as
/// cameras send) of four faces from Debian's opencv-doc photos sliding across a grey frame, entering and
/// leaving at different times, so every loop starts and ends four tracks and first-best-shot latency is
/// measured again and again. Made once into .cache/bench/.
/// </summary>
internal static class TestClips
{
    // Bump when the recipe changes, so a stale clip is never reused.
    private const string Name = "faces-720p25-v1.mp4";
    private const int Seconds = 30;

    // photo, crop (w:h:x:y) around the face, width on screen, lane y, enters at t, speed px/s, left-to-right?
    private static readonly (string Photo, string Crop, int Width, int Y, int Start, int Speed, bool LeftToRight)[] Faces =
    [
        ("faceDetection.png", "260:280:170:140", 240, 40, 0, 100, true),
        ("lbp_yale.jpg", "166:190:0:0", 200, 470, 8, 100, false),
        ("julia_facedetect_sample.jpg", "200:230:150:100", 200, 250, 15, 100, true),
        ("facereg.jpg", "100:100:100:100", 180, 40, 18, 122, false),
    ];

    public static async Task<string> EnsureAsync(string repoRoot, TextWriter log, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(repoRoot, ".cache", "bench");
        var clip = Path.Combine(folder, Name);
        if (File.Exists(clip))
        {
            return clip;
        }

        Directory.CreateDirectory(folder);
        var media = Path.Combine(repoRoot, ".cache", "test-media");
        if (Faces.FirstOrDefault(f => !File.Exists(Path.Combine(media, f.Photo))) is { Photo: not null } missing)
        {
            throw new InvalidOperationException($"{Path.Combine(media, missing.Photo)} is missing: scripts/test.sh fetches the test media (Debian's opencv-doc)");
        }

        var partial = clip + ".part.mp4";
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in Arguments(media, partial))
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

    private static List<string> Arguments(string media, string output)
    {
        var args = new List<string> { "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", $"color=c=0x808080:s=1280x720:r=25:d={Seconds}" };
        var graph = new List<string>();
        var last = "0:v";
        for (var i = 0; i < Faces.Length; i++)
        {
            var f = Faces[i];
            args.AddRange(["-loop", "1", "-framerate", "25", "-t", Seconds.ToString(CultureInfo.InvariantCulture), "-i", Path.Combine(media, f.Photo)]);
            // x from off-screen on one side to off-screen on the other, at Speed px/s from Start.
            var x = f.LeftToRight ? $"-w+(t-{f.Start})*{f.Speed}" : $"W-(t-{f.Start})*{f.Speed}";
            var end = f.Start + ((1280 + f.Width) / f.Speed) + 1;
            graph.Add($"[{i + 1}:v]crop={f.Crop},scale={f.Width}:-2[f{i}]");
            graph.Add($"[{last}][f{i}]overlay=x='{x}':y={f.Y}:enable='between(t,{f.Start},{end})'[v{i}]");
            last = $"v{i}";
        }

        args.AddRange(["-filter_complex", string.Join(';', graph), "-map", $"[{last}]", "-t", Seconds.ToString(CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-bf", "0", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0",
            "-pix_fmt", "yuv420p", "-movflags", "+faststart", output]);
        return args;
    }
}
