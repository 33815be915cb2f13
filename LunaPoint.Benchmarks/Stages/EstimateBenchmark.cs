using System.Diagnostics;
using System.Text.Json;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Iso;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Benchmarks.Stages;

/// <summary>
/// <c>dotnet run -c Release --project LunaPoint.Benchmarks -- estimates [--runs N]</c>: the cost of each
/// estimate per best shot on one intra-op thread, one run at a time, on astronaut.png cut as a best shot
/// keeps it (the face and 1x its size around it). Variants run in turn, ten at a time, so the machine's
/// drift hits them alike. Ends with one JSON line.
/// </summary>
internal static class EstimateBenchmark
{
    private const int Batch = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(100);
        var root = StageBenchmark.FindRoot();
        using var engine = new StageEngine(Path.Combine(root, "models"), threads: 1, slots: 1);
        var estimator = new FaceEstimator(engine.Engine, Options.Create(new EstimateOptions()), new IsoChecker(Options.Create(new IsoOptions())));
        using var photo = Cv2.ImRead(Path.Combine(root, ".cache", "test-media", "astronaut.png"));
        var found = (await engine.Engine.DetectAsync(photo, new DetectOptions(), default)).MaxBy(f => f.Box.Width * f.Box.Height)!.Box;
        var margin = Math.Max(found.Width, found.Height) * FaceEstimator.ContextMargin;
        var context = Rect.FromLTRB(
            (int)Math.Max(0, found.Left - margin), (int)Math.Max(0, found.Top - margin),
            (int)Math.Min(photo.Width, found.Right + margin), (int)Math.Min(photo.Height, found.Bottom + margin));
        using var shot = new Mat(photo, context).Clone();
        var box = new Rect2f(found.X - context.X, found.Y - context.Y, found.Width, found.Height);
        var points = (await engine.Engine.LandmarksAsync(shot, box, default)).Points5;
        using var gray = shot.CvtColor(ColorConversionCodes.BGR2GRAY);
        var distance = (float)Math.Sqrt(Math.Pow(points[1].X - points[0].X, 2) + Math.Pow(points[1].Y - points[0].Y, 2));
        const FaceEstimateKinds all = FaceEstimateKinds.Liveness | FaceEstimateKinds.Attributes | FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes;

        var variants = new (string Name, Func<Task> Run)[]
        {
            ("liveness", async () => await engine.Engine.LivenessAsync(shot, box, default)),
            ("age", async () => await engine.Engine.AgeAsync(shot, box, default)),
            ("gender", async () => await engine.Engine.GenderAsync(shot, box, default)),
            ("eyesBoth", async () => { await engine.Engine.EyeOpenAsync(gray, points[0], distance, default); await engine.Engine.EyeOpenAsync(gray, points[1], distance, default); }),
            ("pose", async () => await engine.Engine.PoseAsync(shot, box, default)),
            ("imageMeasure", () => { ImageQualityMeasure.Measure(shot, box); return Task.CompletedTask; }),
            ("totalLivenessAttributesPoseEyes", async () => await estimator.EstimateAsync(shot, box, points, all, 1, default)),
            ("totalWithIso", async () => await estimator.EstimateAsync(shot, box, points, all | FaceEstimateKinds.Iso, 1, default)),
        };

        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        foreach (var (_, run) in variants)
        {
            await run(); // warm-up
        }

        for (var done = 0; done < runs; done += Batch)
        {
            foreach (var (name, run) in variants)
            {
                for (var i = 0; i < Batch; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await run();
                    times[name].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        var figures = new Dictionary<string, object> { ["shot"] = $"{shot.Width}x{shot.Height}", ["face"] = $"{box.Width:0}x{box.Height:0}", ["runs"] = times.First().Value.Count };
        foreach (var (name, values) in times)
        {
            values.Sort();
            var median = values[values.Count / 2];
            figures[name + "Ms"] = Math.Round(median, 2);
            Console.WriteLine($"{name,-32} median {median,7:0.00} ms  p90 {values[values.Count * 9 / 10],7:0.00} ms");
        }

        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }
}
