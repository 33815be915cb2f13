using System.Diagnostics;
using System.Text.Json;
using LunaPoint.Modules.Detection.Inference;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Benchmarks.Stages;

/// <summary>
/// <c>dotnet run -c Release --project LunaPoint.Benchmarks -- stages [--runs N] [--bodies-only]</c>: per-stage latency on
/// one intra-op thread on real media, C# against onnxruntime-node in alternating batches, and the queue
/// width / thread count choice under two concurrent callers. Ends with one JSON line.
/// </summary>
internal static class StageBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(50);
        var root = FindRoot();
        var models = Path.Combine(root, "models");
        var media = Path.Combine(root, ".cache", "test-media");
        var figures = new Dictionary<string, object>();
        if (args.Contains("--bodies-only"))
        {
            BodyStages.Run(figures, media, runs);
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return 0;
        }

        using var engine = new StageEngine(models, threads: 1, slots: 1);
        using var frame720 = StageMedia.Frame720(media);
        using var frame1080 = frame720.Resize(new Size(1920, 1080));
        Cv2.ImEncode(".jpg", frame720, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));

        Stage(figures, "decodeJpeg720", runs, () => Cv2.ImDecode(jpeg, ImreadModes.Color).Dispose());
        foreach (var (name, frame, minFace) in new[] { ("detectWhole720", frame720, 10_000), ("detect40px720", frame720, 40), ("detect20px720", frame720, 20), ("detect40px1080", frame1080, 40), ("detect20px1080", frame1080, 20) })
        {
            var windows = DetectionPlan.For(frame.Cols, frame.Rows, minFace).Count;
            var faces = (await engine.Engine.DetectAsync(frame, new DetectOptions(MinFaceSize: minFace), default)).Count;
            Console.WriteLine($"{name}: {windows} windows, {faces} faces");
            await StageAsync(figures, name, minFace == 10_000 ? runs : Math.Max(5, runs / 10), async () => await engine.Engine.DetectAsync(frame, new DetectOptions(MinFaceSize: minFace), default));
        }

        var face = (await engine.Engine.DetectAsync(frame720, new DetectOptions(), default)).MaxBy(f => f.Box.Width * f.Box.Height)!;
        var landmarks = await engine.Engine.LandmarksAsync(frame720, face.Box, default);
        using var aligned = engine.Engine.Align(frame720, landmarks);
        await StageAsync(figures, "landmarksAlign", runs, async () => engine.Engine.Align(frame720, await engine.Engine.LandmarksAsync(frame720, face.Box, default)).Dispose());
        await StageAsync(figures, "descriptor", runs, async () => await engine.Engine.DescribeAsync(aligned, default));
        await StageAsync(figures, "pose", runs, async () => await engine.Engine.PoseAsync(frame720, face.Box, default));
        await IsoStage.RunAsync(figures, engine.Engine, media, runs);

        BodyStages.Run(figures, media, runs);
        await CompareWithNodeAsync(figures, engine, frame720, aligned, root, models, runs);
        await CompareQueuesAsync(figures, models, frame720, face, runs);

        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static void Stage(Dictionary<string, object> figures, string name, int runs, Action run) =>
        StageAsync(figures, name, runs, () => { run(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    private static async Task StageAsync(Dictionary<string, object> figures, string name, int runs, Func<Task> run)
    {
        await run(); // warm-up
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        figures[name + "Ms"] = Math.Round(Median(times), 2);
        Console.WriteLine($"{name,-16} median {Median(times),8:0.00} ms over {runs} runs");
    }

    /// <summary>The raw session runs of both runtimes on the same inputs, batch by batch in turn, so drift hits both alike.</summary>
    private static async Task CompareWithNodeAsync(Dictionary<string, object> figures, StageEngine engine, Mat frame, Mat aligned, string root, string models, int runs)
    {
        var inputs = Directory.CreateTempSubdirectory("lunapoint-stages-");
        try
        {
            using var resized = frame.Resize(new Size(320, 240), 0, 0, InterpolationFlags.Area);
            var detectInput = new float[3 * 240 * 320];
            Planar.Fill(resized, detectInput, 127f, 1 / 128f, rgb: true);
            var featureInput = new float[3 * 112 * 112];
            Planar.Fill(aligned, featureInput, 127.5f, 1 / 128f, rgb: true);
            await File.WriteAllBytesAsync(Path.Combine(inputs.FullName, "fr_detect.bin"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(detectInput.AsSpan()).ToArray());
            await File.WriteAllBytesAsync(Path.Combine(inputs.FullName, "fr_feature.bin"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(featureInput.AsSpan()).ToArray());

            using var node = await NodeSide.StartAsync(Path.Combine(root, "LunaPoint.Benchmarks"), models, inputs.FullName);
            foreach (var (model, input, shape) in new[] { ("fr_detect", detectInput, new long[] { 1, 3, 240, 320 }), ("fr_feature", featureInput, new long[] { 1, 3, 112, 112 }) })
            {
                var session = engine.Session(model);
                using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
                var csharp = new List<double>();
                var js = new List<double>();
                const int batch = 10;
                await node.RunAsync(model, batch); // warm-up
                RunCSharp(session, value, batch);
                for (var done = 0; done < runs; done += batch)
                {
                    csharp.AddRange(RunCSharp(session, value, batch));
                    js.AddRange(await node.RunAsync(model, batch));
                }

                var (c, n) = (Median([.. csharp]), Median([.. js]));
                if (model == "fr_feature")
                {
                    // The engine's own cost around the same run (queue, pooled input, fill, normalise), in turn with it.
                    var viaEngine = new List<double>();
                    var raw = new List<double>();
                    for (var done = 0; done < runs; done += batch)
                    {
                        for (var i = 0; i < batch; i++)
                        {
                            var started = Stopwatch.GetTimestamp();
                            await engine.Engine.DescribeAsync(aligned, default);
                            viaEngine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }

                        raw.AddRange(RunCSharp(session, value, batch));
                    }

                    figures["descriptorEngineOverRaw"] = Math.Round(Median([.. viaEngine]) / Median([.. raw]), 3);
                    Console.WriteLine($"fr_feature via FaceEngine {Median([.. viaEngine]):0.00} ms, raw session {Median([.. raw]):0.00} ms (alternating)");
                }


                figures[model + "CSharpMs"] = Math.Round(c, 2);
                figures[model + "NodeMs"] = Math.Round(n, 2);
                figures[model + "CSharpOverNode"] = Math.Round(c / n, 3);
                Console.WriteLine($"{model,-16} C# {c,6:0.00} ms  node {n,6:0.00} ms  C#/node {c / n:0.000} ({csharp.Count} runs each, alternating batches of {batch})");
            }
        }
        finally
        {
            inputs.Delete(recursive: true);
        }
    }

    private static double[] RunCSharp(InferenceSession session, OrtValue input, int count)
    {
        using var options = new RunOptions();
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var outputs = session.Run(options, session.InputNames, [input], session.OutputNames);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return times;
    }

    /// <summary>
    /// Two callers at once, each detecting on the 720p frame (one pass) and describing its largest face,
    /// under three set-ups taken in turn: 1 thread x 2 runs at once per model, 2 threads x 1, 1 thread x 1.
    /// </summary>
    private static async Task CompareQueuesAsync(Dictionary<string, object> figures, string models, Mat frame, FaceCandidate face, int runs)
    {
        using var a = new StageEngine(models, threads: 1);
        using var b = new StageEngine(models, threads: 2);
        using var c = new StageEngine(models, threads: 1, slots: 1);
        StageEngine[] setups = [a, b, c];
        var perFace = setups.ToDictionary(s => s, _ => new List<double>());
        var iterations = Math.Max(2, runs / 10);
        for (var round = 0; round < 6; round++)
        {
            foreach (var setup in setups)
            {
                var started = Stopwatch.GetTimestamp();
                await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
                {
                    for (var i = 0; i < iterations; i++)
                    {
                        await setup.Engine.DetectAsync(frame, new DetectOptions(MinFaceSize: 10_000), default);
                        var points = await setup.Engine.LandmarksAsync(frame, face.Box, default);
                        using var aligned = setup.Engine.Align(frame, points);
                        await setup.Engine.DescribeAsync(aligned, default);
                    }
                })));
                if (round > 0)
                {
                    perFace[setup].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds / (2 * iterations));
                }
            }
        }

        var baseline = Median([.. perFace[a]]);
        foreach (var (setup, key) in new[] { (a, "queue1x2"), (b, "queue2x1"), (c, "queue1x1") })
        {
            var median = Median([.. perFace[setup]]);
            figures[key + "MsPerFace"] = Math.Round(median, 2);
            Console.WriteLine($"2 callers, {setup.Label,-28}: {median,6:0.00} ms per face (wall), {median / baseline:0.000} x the first");
        }
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LunaPoint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LunaPoint.sln not found above " + AppContext.BaseDirectory);
    }
}
