using System.Numerics.Tensors;
using System.Text.Json;
using LunaPoint.Benchmarks.Stages;
using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Benchmarks.SimilarityFigures;

/// <summary>
/// <c>dotnet run -c Release --project LunaPoint.Benchmarks -- similarity</c>: the cosine distributions the
/// similarity mapping and the default threshold are chosen from. Same-person pairs: every face of the test
/// media against its own augmented copies (flip, scale, JPEG, light, blur, rotation, noise) and
/// lbp_yale.jpg's four lightings of one person (its top row) against each other; different-person pairs: every pair of
/// distinct faces in the test media. Prints both distributions and ends with one JSON line.
/// </summary>
internal static class SimilarityBenchmark
{
    private static readonly string[] Photos = ["astronaut.png", "camera.png", "faceDetection.png", "face_swapped.jpg", "facereg.jpg", "julia_facedetect_sample.jpg", "messi5.jpg"];

    private const int MinFace = 28;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = StageBenchmark.FindRoot();
        var media = Path.Combine(root, ".cache", "test-media");
        using var engine = new StageEngine(Path.Combine(root, "models"), threads: 0);
        var people = new List<(string Name, Mat Crop)>();
        foreach (var photo in Photos)
        {
            using var image = Cv2.ImRead(Path.Combine(media, photo));
            var found = await FacesAsync(engine.Engine, image);
            Console.WriteLine($"# {photo}: {found.Count} face(s) of at least {MinFace} px");
            people.AddRange(found.Select((crop, i) => ($"{photo}#{i}", crop)));
        }

        // One person under four lightings, one quadrant each.
        using var yale = Cv2.ImRead(Path.Combine(media, "lbp_yale.jpg"));
        var quadrants = Quadrants(yale);
        var yaleFaces = new List<(string Name, Mat Crop)>();
        for (var q = 0; q < quadrants.Count; q++)
        {
            var found = await FacesAsync(engine.Engine, quadrants[q]);
            if (found.Count > 0)
            {
                yaleFaces.Add(($"lbp_yale.jpg q{q}", found[0]));
            }
        }

        var descriptors = new Dictionary<string, float[]>();
        foreach (var (name, crop) in people.Concat(yaleFaces))
        {
            if (await DescribeAsync(engine.Engine, crop) is { } d)
            {
                descriptors[name] = d;
            }
            else
            {
                Console.WriteLine($"# skipped {name}: the detector does not find the face again in its crop");
            }
        }

        people.RemoveAll(p => !descriptors.ContainsKey(p.Name));
        yaleFaces.RemoveAll(p => !descriptors.ContainsKey(p.Name));

        var same = new List<(string Pair, double Cosine)>();
        foreach (var (name, crop) in people.Concat(yaleFaces))
        {
            foreach (var (kind, augmented) in Augment(crop))
            {
                using (augmented)
                {
                    if (await DescribeAsync(engine.Engine, augmented) is { } d)
                    {
                        same.Add(($"{name} / {kind}", TensorPrimitives.Dot(descriptors[name], d)));
                    }
                }
            }
        }

        for (var i = 0; i < yaleFaces.Count; i++)
        {
            for (var j = i + 1; j < yaleFaces.Count; j++)
            {
                same.Add(($"{yaleFaces[i].Name} / {yaleFaces[j].Name}", TensorPrimitives.Dot(descriptors[yaleFaces[i].Name], descriptors[yaleFaces[j].Name])));
            }
        }

        // Different people: the faces of the photos (lbp_yale's person once) against each other.
        var distinct = people.Select(p => p.Name).Append(yaleFaces[0].Name).ToList();
        var different = new List<(string Pair, double Cosine)>();
        for (var i = 0; i < distinct.Count; i++)
        {
            for (var j = i + 1; j < distinct.Count; j++)
            {
                different.Add(($"{distinct[i]} / {distinct[j]}", TensorPrimitives.Dot(descriptors[distinct[i]], descriptors[distinct[j]])));
            }
        }

        Print("same person", same);
        Print("different people", different);
        var result = new
        {
            faces = distinct.Count,
            samePairs = same.Count,
            differentPairs = different.Count,
            sameCosine = Summary(same),
            differentCosine = Summary(different),
            sameSimilarity = Summary(same.Select(p => (p.Pair, LunaPoint.Modules.Events.Matching.Similarity.FromCosine(p.Cosine))).ToList()),
            differentSimilarity = Summary(different.Select(p => (p.Pair, LunaPoint.Modules.Events.Matching.Similarity.FromCosine(p.Cosine))).ToList()),
            defaultThreshold = LunaPoint.Modules.Events.Matching.Similarity.DefaultThreshold,
            sameBelowThreshold = same.Count(p => LunaPoint.Modules.Events.Matching.Similarity.FromCosine(p.Cosine) < LunaPoint.Modules.Events.Matching.Similarity.DefaultThreshold),
            differentAtOrAboveThreshold = different.Count(p => LunaPoint.Modules.Events.Matching.Similarity.FromCosine(p.Cosine) >= LunaPoint.Modules.Events.Matching.Similarity.DefaultThreshold),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static object Summary(List<(string Pair, double Value)> pairs)
    {
        var values = pairs.Select(p => p.Value).Order().ToArray();
        double At(double q) => values[(int)Math.Clamp(Math.Round(q * (values.Length - 1)), 0, values.Length - 1)];
        return new { min = Math.Round(values[0], 3), p01 = Math.Round(At(0.01), 3), p05 = Math.Round(At(0.05), 3), median = Math.Round(At(0.5), 3), p95 = Math.Round(At(0.95), 3), p99 = Math.Round(At(0.99), 3), max = Math.Round(values[^1], 3) };
    }

    private static void Print(string title, List<(string Pair, double Cosine)> pairs)
    {
        Console.WriteLine($"# {title}: {pairs.Count} pairs, cosine histogram (0.1 wide)");
        for (var b = -3; b < 10; b++)
        {
            var n = pairs.Count(p => p.Cosine >= b / 10.0 && p.Cosine < (b + 1) / 10.0);
            Console.WriteLine($"  [{b / 10.0,5:0.0}, {(b + 1) / 10.0,4:0.0}) {n,5} {new string('#', Math.Min(80, n))}");
        }

        var extreme = title.StartsWith("same", StringComparison.Ordinal) ? pairs.OrderBy(p => p.Cosine) : pairs.OrderByDescending(p => p.Cosine);
        foreach (var (pair, cosine) in extreme.Take(6))
        {
            Console.WriteLine($"  {cosine,6:0.000}  {pair}");
        }
    }

    /// <summary>The faces of a photo of at least MinFace px, each cut with its own size around it (what a best shot keeps).</summary>
    private static async Task<List<Mat>> FacesAsync(FaceEngine engine, Mat image)
    {
        var faces = await engine.DetectAsync(image, new DetectOptions(MinFaceSize: MinFace), CancellationToken.None);
        return faces.Where(f => f.Box.Width >= MinFace && f.Box.Height >= MinFace).Select(f =>
        {
            var margin = Math.Max(f.Box.Width, f.Box.Height);
            var rect = Rect.FromLTRB(
                (int)Math.Max(0, f.Box.Left - margin), (int)Math.Max(0, f.Box.Top - margin),
                (int)Math.Min(image.Width, f.Box.Right + margin), (int)Math.Min(image.Height, f.Box.Bottom + margin));
            return new Mat(image, rect).Clone();
        }).ToList();
    }

    private static async Task<float[]?> DescribeAsync(FaceEngine engine, Mat image)
    {
        var faces = await engine.DetectAsync(image, new DetectOptions(), CancellationToken.None);
        if (faces.Count == 0)
        {
            return null;
        }

        // The face the crop was cut around is at its centre; a neighbour in a group photo may be larger.
        var centre = new Point2f(image.Width / 2f, image.Height / 2f);
        var face = faces.MinBy(f => Math.Pow(f.Box.X + (f.Box.Width / 2) - centre.X, 2) + Math.Pow(f.Box.Y + (f.Box.Height / 2) - centre.Y, 2))!;
        var landmarks = await engine.LandmarksAsync(image, face.Box, CancellationToken.None);
        using var aligned = engine.Align(image, landmarks);
        return await engine.DescribeAsync(aligned, CancellationToken.None);
    }

    /// <summary>lbp_yale.jpg's top row: one face under four lightings side by side, each padded with gray for context.</summary>
    private static List<Mat> Quadrants(Mat image)
    {
        int w = image.Width / 4, h = image.Height / 2;
        var tiles = new List<Mat>();
        for (var i = 0; i < 4; i++)
        {
            using var tile = new Mat(image, new Rect(i * w, 0, w, h));
            var padded = new Mat();
            Cv2.CopyMakeBorder(tile, padded, h / 2, h / 2, w / 2, w / 2, BorderTypes.Constant, new Scalar(128, 128, 128));
            tiles.Add(padded);
        }

        return tiles;
    }

    private static IEnumerable<(string Kind, Mat Image)> Augment(Mat crop)
    {
        yield return ("flip", crop.Flip(FlipMode.Y));
        yield return ("half size", crop.Resize(new Size(crop.Width / 2, crop.Height / 2)));
        yield return ("1.5x size", crop.Resize(new Size(crop.Width * 3 / 2, crop.Height * 3 / 2)));
        Cv2.ImEncode(".jpg", crop, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 25));
        yield return ("jpeg q25", Cv2.ImDecode(jpeg, ImreadModes.Color));
        yield return ("darker 0.5", crop * 0.5);
        yield return ("brighter 1.4", crop * 1.4);
        var gamma = new Mat();
        using (var lut = new Mat(1, 256, MatType.CV_8U))
        {
            for (var i = 0; i < 256; i++)
            {
                lut.Set(0, i, (byte)(255 * Math.Pow(i / 255.0, 2.0)));
            }

            Cv2.LUT(crop, lut, gamma);
        }

        yield return ("gamma 2", gamma);
        yield return ("blur 5", crop.GaussianBlur(new Size(5, 5), 0));
        using var rotation = Cv2.GetRotationMatrix2D(new Point2f(crop.Width / 2f, crop.Height / 2f), 12, 1.0);
        yield return ("rotated 12", crop.WarpAffine(rotation, crop.Size(), borderMode: BorderTypes.Replicate));
        var noise = new Mat(crop.Size(), crop.Type());
        Cv2.Randn(noise, new Scalar(0, 0, 0), new Scalar(12, 12, 12));
        var noisy = new Mat();
        Cv2.Add(crop, noise, noisy);
        noise.Dispose();
        yield return ("noise 12", noisy);
        // Light from one side, like a window: a horizontal ramp from 0.45 to 1.15.
        var sided = new Mat();
        crop.ConvertTo(sided, MatType.CV_32FC3);
        var width = crop.Width;
        var values = new float[width * 3];
        for (var x = 0; x < width; x++)
        {
            values[(3 * x) + 0] = values[(3 * x) + 1] = values[(3 * x) + 2] = 0.45f + (0.7f * x / Math.Max(1, width - 1));
        }

        using (var row = Mat.FromPixelData(1, width, MatType.CV_32FC3, values))
        using (var ramp = new Mat())
        {
            Cv2.Repeat(row, crop.Height, 1, ramp);
            Cv2.Multiply(sided, ramp, sided);
        }

        sided.ConvertTo(sided, MatType.CV_8UC3);
        yield return ("side light", sided);
    }
}
