using System.Diagnostics;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Iso;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Benchmarks.Stages;

/// <summary>
/// The ISO/IEC 19794-5 checks of one face (image measure + every check; no model, pose taken as given) on the
/// passport-like cut of astronaut.png the tests use, and on the same face in a 1280x720 frame (a best shot
/// judged in its frame: the background check then reads the whole frame).
/// </summary>
internal static class IsoStage
{
    public static async Task RunAsync(Dictionary<string, object> figures, FaceEngine engine, string media, int runs)
    {
        using var astronaut = Cv2.ImRead(Path.Combine(media, "astronaut.png"), ImreadModes.Color);
        using var portrait = new Mat(astronaut, new Rect(135, 6, 180, 240)).Clone();
        using var frame = StageMedia.Frame720(media);
        var checker = new IsoChecker(Options.Create(new IsoOptions()));
        foreach (var (name, image) in new[] { ("isoCheckPortrait", portrait), ("isoCheck720", frame) })
        {
            var faces = await engine.DetectAsync(image, new DetectOptions(), default);
            var face = faces.MaxBy(f => f.Box.Width * f.Box.Height)!;
            var points = (await engine.LandmarksAsync(image, face.Box, default)).Points5;
            var pose = await engine.PoseAsync(image, face.Box, default);
            var times = new double[runs + 1];
            for (var i = 0; i <= runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var estimates = new FaceEstimates(Pose: new PoseEstimate(pose.Yaw, pose.Pitch, pose.Roll), Image: ImageQualityMeasure.Measure(image, face.Box));
                checker.Check(image, face.Box, points, estimates, faces.Count);
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            var median = times.Skip(1).Order().ElementAt(runs / 2); // the first run is the warm-up
            figures[name + "Ms"] = Math.Round(median, 3);
            Console.WriteLine($"{name,-16} median {median,8:0.000} ms over {runs} runs ({image.Cols}x{image.Rows}, face {face.Box.Width:0} px)");
        }
    }
}
