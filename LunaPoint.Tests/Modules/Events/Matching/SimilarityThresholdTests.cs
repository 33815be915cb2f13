using LunaPoint.Modules.Events.Matching;
using LunaPoint.Tests.Modules.Detection.Inference;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Events.Matching;

/// <summary>
/// The similarity scale and its default threshold on real faces (docs/matching.md): different people of the
/// test media stay below the default, the same good face under everyday changes stays above it.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public sealed class SimilarityThresholdTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] People = ["astronaut.png", "camera.png", "faceDetection.png", "face_swapped.jpg", "julia_facedetect_sample.jpg", "lbp_yale.jpg", "messi5.jpg"];

    [Fact]
    public async Task DifferentPeople_StayBelowTheDefaultThreshold()
    {
        var descriptors = new List<float[]>();
        foreach (var photo in People)
        {
            using var image = FaceEngineFixture.Load(photo);
            descriptors.Add(await FacePipeline.DescribeLargestAsync(fixture.Engine, image));
        }

        for (var i = 0; i < People.Length; i++)
        {
            for (var j = i + 1; j < People.Length; j++)
            {
                var similarity = Similarity.FromCosine(FacePipeline.Cosine(descriptors[i], descriptors[j]));
                output.WriteLine($"{People[i]} vs {People[j]}: {similarity:0.000}");
                Assert.True(similarity < Similarity.DefaultThreshold, $"{People[i]} vs {People[j]}: similarity {similarity:0.000}");
            }
        }
    }

    [Theory]
    [InlineData("astronaut.png")]
    [InlineData("julia_facedetect_sample.jpg")]
    [InlineData("face_swapped.jpg")]
    public async Task SameFace_MirroredScaledReencodedDarkenedAndSideLit_StaysAboveTheDefaultThreshold(string photo)
    {
        using var image = FaceEngineFixture.Load(photo);
        var original = await FacePipeline.DescribeLargestAsync(fixture.Engine, image);
        using var flipped = image.Flip(FlipMode.Y);
        using var scaled = image.Resize(new Size(0, 0), 0.5, 0.5, InterpolationFlags.Area);
        using var lossy = FacePipeline.Reencode(image, 25);
        using var darker = new Mat();
        image.ConvertTo(darker, -1, 0.5);
        using var sideLit = SideLight(image);

        foreach (var (name, variant) in new[] { ("mirrored", flipped), ("half size", scaled), ("JPEG q25", lossy), ("darker", darker), ("side light", sideLit) })
        {
            var similarity = Similarity.FromCosine(FacePipeline.Cosine(original, await FacePipeline.DescribeLargestAsync(fixture.Engine, variant)));
            output.WriteLine($"{photo} {name}: {similarity:0.000}");
            Assert.True(similarity >= Similarity.DefaultThreshold, $"{photo} {name}: similarity {similarity:0.000}");
        }
    }

    [Fact]
    public async Task OnePerson_UnderTheOtherLightingsOfLbpYale_MatchesAboveTheDefaultThreshold()
    {
        // The sheet's top row holds one face under four lightings side by side (the bottom row is their LBP images).
        using var sheet = FaceEngineFixture.Load("lbp_yale.jpg");
        var lightings = YaleLightings(sheet);
        var reference = await FacePipeline.DescribeLargestAsync(fixture.Engine, lightings[0]);
        var matched = 0;
        for (var i = 1; i < lightings.Count; i++)
        {
            var faces = await fixture.Engine.DetectAsync(lightings[i], new LunaPoint.Modules.Detection.Inference.DetectOptions(), CancellationToken.None);
            if (faces.Count == 0)
            {
                output.WriteLine($"lighting {i}: no face found");
                continue;
            }

            var similarity = Similarity.FromCosine(FacePipeline.Cosine(reference, await FacePipeline.DescribeLargestAsync(fixture.Engine, lightings[i])));
            output.WriteLine($"lighting {i}: {similarity:0.000}");
            Assert.True(similarity >= Similarity.DefaultThreshold, $"lighting {i}: similarity {similarity:0.000}");
            matched++;
        }

        lightings.ForEach(l => l.Dispose());
        Assert.True(matched >= 2, $"only {matched} other lightings had a face");
    }

    /// <summary>The four lightings of lbp_yale.jpg, each padded with its own size of gray so the face has the context a photo gives.</summary>
    internal static List<Mat> YaleLightings(Mat sheet)
    {
        int w = sheet.Width / 4, h = sheet.Height / 2;
        var tiles = new List<Mat>();
        for (var i = 0; i < 4; i++)
        {
            using var tile = new Mat(sheet, new Rect(i * w, 0, w, h));
            var padded = new Mat();
            Cv2.CopyMakeBorder(tile, padded, h / 2, h / 2, w / 2, w / 2, BorderTypes.Constant, new OpenCvSharp.Scalar(128, 128, 128));
            tiles.Add(padded);
        }

        return tiles;
    }

    [Fact]
    public void Mapping_IsStrictlyIncreasing_AndToCosineInvertsIt()
    {
        var previous = -1.0;
        for (var c = -1.0; c <= 1.0; c += 0.01)
        {
            var s = Similarity.FromCosine(c);
            Assert.InRange(s, 0.0, 1.0);
            Assert.True(s > previous, $"not increasing at cosine {c:0.00}");
            previous = s;
            if (s is > 1e-9 and < 1 - 1e-9)
            {
                Assert.Equal(c, Similarity.ToCosine(s), 6);
            }
        }

        Assert.Equal(-1.0, Similarity.ToCosine(0));
        Assert.Equal(1.0, Similarity.ToCosine(1));
        Assert.True(Similarity.FromCosine(0.0) < 0.01, "strangers (cosine 0) read near 0");
        Assert.True(Similarity.FromCosine(0.9) > 0.99, "the same face (cosine 0.9) reads near 1");
    }

    private static Mat SideLight(Mat image)
    {
        var width = image.Width;
        var values = new float[width * 3];
        for (var x = 0; x < width; x++)
        {
            values[(3 * x) + 0] = values[(3 * x) + 1] = values[(3 * x) + 2] = 0.45f + (0.7f * x / Math.Max(1, width - 1));
        }

        using var row = Mat.FromPixelData(1, width, MatType.CV_32FC3, values);
        using var ramp = new Mat();
        Cv2.Repeat(row, image.Height, 1, ramp);
        using var lit = new Mat();
        image.ConvertTo(lit, MatType.CV_32FC3);
        Cv2.Multiply(lit, ramp, lit);
        var result = new Mat();
        lit.ConvertTo(result, MatType.CV_8UC3);
        return result;
    }
}
