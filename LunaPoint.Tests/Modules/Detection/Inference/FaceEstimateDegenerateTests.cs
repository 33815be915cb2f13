using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>Whole photos that crashed liveness, boxes and points that give nothing to crop, and a part that fails: answered, never thrown.</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceEstimateDegenerateTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    /// <summary>lbp_yale.jpg's panels and facereg.jpg's tiles each hold a face filling most of the height: liveness's context then equals the image's side (it threw there).</summary>
    [Theory]
    [InlineData("lbp_yale.jpg")]
    [InlineData("facereg.jpg")]
    [InlineData("astronaut.png")]
    public async Task AllEstimates_OnEveryFaceOfTheWholePhoto_AreWhole(string photo)
    {
        using var image = FaceEngineFixture.Load(photo);
        var faces = await fixture.Engine.DetectAsync(image, new DetectOptions(MinFaceSize: 20), CancellationToken.None);
        var (estimator, logs) = EstimateSanity.Estimator(fixture);

        Assert.NotEmpty(faces);
        foreach (var face in faces)
        {
            var points = (await fixture.Engine.LandmarksAsync(image, face.Box, CancellationToken.None)).Points5;
            var estimates = await estimator.EstimateAsync(image, face.Box, points, EstimateSanity.All, faces.Count, CancellationToken.None);
            output.WriteLine($"{photo} {face.Box}: liveness {estimates.Liveness}, attributes {estimates.Attributes}");
            EstimateSanity.Assert(estimates, usable: true, Math.Max(face.Box.Width, face.Box.Height), $"{photo} {face.Box}");
        }

        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning);
    }

    public static TheoryData<float, float, float, float> Boxes => new()
    {
        { 100, 100, 0, 80 },
        { 100, 100, 80, 0 },
        { 100, 100, 0.5f, 0.5f },
        { 100, 100, -40, 60 },
        { float.NaN, 100, 80, 80 },
        { 100, 100, float.PositiveInfinity, 80 },
        { 5000, 5000, 80, 80 },
        { -500, -500, 80, 80 },
    };

    [Theory]
    [MemberData(nameof(Boxes))]
    public async Task AllEstimates_OfABoxWithNothingToCrop_AreAnswered(float x, float y, float width, float height)
    {
        using var image = FaceEngineFixture.Load("astronaut.png");
        var box = new Rect2f(x, y, width, height);
        var (estimator, logs) = EstimateSanity.Estimator(fixture);
        Point2f[] points = [new(x, y), new(x + width, y), new(x, y), new(x, y), new(x, y)];

        var estimates = await estimator.EstimateAsync(image, box, points, EstimateSanity.All, 1, CancellationToken.None);

        var usable = FaceCrop.Usable(box);
        EstimateSanity.Assert(estimates, usable, usable ? Math.Max(width, height) : 0, $"box {box}");
        Assert.Equal(usable ? estimates.Liveness!.State : LivenessState.Unknown, estimates.Liveness!.State);
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Eyes_WithoutEyePoints_OrWithNaNPoints_AreUnknown()
    {
        using var image = FaceEngineFixture.Load("astronaut.png");
        var (box, _) = await new FaceEstimateTests(fixture, output).FaceAtAsync(image, 225, 118);
        var (estimator, logs) = EstimateSanity.Estimator(fixture);

        var none = await estimator.EstimateAsync(image, box, [], EstimateSanity.All, 1, CancellationToken.None);
        var nan = await estimator.EstimateAsync(image, box, [.. Enumerable.Repeat(new Point2f(float.NaN, float.NaN), 5)], EstimateSanity.All, 1, CancellationToken.None);

        foreach (var e in new[] { none, nan })
        {
            Assert.Equal((EyeState.Unknown, EyeState.Unknown), (e.Eyes!.Left.State, e.Eyes.Right.State));
            EstimateSanity.Assert(e, usable: true, Math.Max(box.Width, box.Height), "no eye points");
        }

        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task APartThatFails_IsLoggedAndNull_AndTheOthersStillCome()
    {
        // A four-channel image: the models' inputs hold three planes, so pose and attributes throw; the
        // image measure, the eyes (gray) and the ISO checks do not need them.
        using var bgr = FaceEngineFixture.Load("astronaut.png");
        var (box, points) = await new FaceEstimateTests(fixture, output).FaceAtAsync(bgr, 225, 118);
        using var bgra = bgr.CvtColor(ColorConversionCodes.BGR2BGRA);
        var (estimator, logs) = EstimateSanity.Estimator(fixture);

        var estimates = await estimator.EstimateAsync(bgra, box, points, EstimateSanity.All, 1, CancellationToken.None);
        output.WriteLine(string.Join(Environment.NewLine, logs.Lines.Select(l => l.Message)));

        Assert.Null(estimates.Pose);
        Assert.Null(estimates.Attributes);
        Assert.Equal(new LivenessEstimate(LivenessState.Unknown, null), estimates.Liveness);
        Assert.NotNull(estimates.Image);
        Assert.NotNull(estimates.Iso);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("pose") && l.Exception is not null);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("attributes"));
    }

    [Theory]
    [InlineData(0f, 100f, 100f)]
    [InlineData(0f, 100.00001f, 100f)]
    [InlineData(-20f, 100.00002f, 100f)]
    [InlineData(-20f, 50f, 100f)]
    [InlineData(70f, 50f, 100f)]
    [InlineData(0f, 300f, 100f)]
    public void SlideInside_NeverThrows_AndKeepsTheSpanOnTheAxis(float start, float length, float limit)
    {
        var slid = FaceCrop.SlideInside(start, length, (int)limit);

        Assert.True(length >= limit ? Math.Abs(slid + length / 2 - limit / 2) < 1e-3 : slid >= 0 && slid + length <= limit, $"{slid}");
    }
}
