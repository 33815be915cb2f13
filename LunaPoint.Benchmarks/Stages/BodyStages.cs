using System.Diagnostics;
using LunaPoint.Modules.Detection.Bodies;
using OpenCvSharp;

namespace LunaPoint.Benchmarks.Stages;

/// <summary>
/// The people detector per frame on vtest.avi (768x576, and a 16:9 band of it made 1280x720), OpenCV on one
/// thread and on all cores, and 720p within the HOG pixel budget against the whole 720p frame; the variants
/// taken in turn, batch by batch, so the machine's drift hits them alike.
/// </summary>
internal static class BodyStages
{
    public static void Run(Dictionary<string, object> figures, string mediaDir, int runs)
    {
        using var capture = new VideoCapture(Path.Combine(mediaDir, "vtest.avi"));
        capture.Set(VideoCaptureProperties.PosFrames, 500);
        using var frame = new Mat();
        capture.Read(frame);
        using var band = new Mat(frame, new Rect(0, 72, 768, 432));
        using var frame720 = band.Resize(new Size(1280, 720), 0, 0, InterpolationFlags.Cubic);
        using var budget = new HogPeopleDetector();
        using var whole = new HogPeopleDetector(new BodyDetectionOptions { HogMaxPixels = 1280 * 720 });
        var options = new BodyDetectOptions();
        var cores = Cv2.GetNumThreads();

        (string Name, int Threads, Action Run)[] variants =
        [
            ("hog576x1thread", 1, () => budget.Detect(frame, options, default)),
            ("hog576", cores, () => budget.Detect(frame, options, default)),
            ("hog720x1thread", 1, () => budget.Detect(frame720, options, default)),
            ("hog720", cores, () => budget.Detect(frame720, options, default)),
            ("hog720WholeFramex1thread", 1, () => whole.Detect(frame720, options, default)),
        ];
        var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
        const int batch = 5;
        for (var done = -batch; done < runs; done += batch)
        {
            foreach (var (name, threads, run) in variants)
            {
                Cv2.SetNumThreads(threads);
                for (var i = 0; i < batch; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    run();
                    if (done >= 0)
                    {
                        times[name].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            }
        }

        Cv2.SetNumThreads(cores);
        foreach (var (name, threads, _) in variants)
        {
            var sorted = times[name].Order().ToArray();
            var median = sorted[sorted.Length / 2];
            figures[name + "Ms"] = Math.Round(median, 1);
            Console.WriteLine($"{name,-26} median {median,8:0.0} ms over {sorted.Length} runs ({threads} OpenCV threads)");
        }

        Console.WriteLine($"people found: 768x576 {budget.Detect(frame, options, default).Count}, 1280x720 {budget.Detect(frame720, options, default).Count} (budget), {whole.Detect(frame720, options, default).Count} (whole frame)");
    }
}
