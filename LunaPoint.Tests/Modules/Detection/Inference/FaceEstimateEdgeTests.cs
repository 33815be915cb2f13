using LunaPoint.Modules.Detection.Inference;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>
/// Every estimate on a real face (astronaut.png's) placed at each edge and corner of images of many sizes and
/// shapes, filling the image exactly, a pixel past the edge, half outside, and on images too small to hold it:
/// no part may fail, and every figure is finite, in range and rounded (<see cref="EstimateSanity"/>).
/// </summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceEstimateEdgeTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    /// <summary>Image width and height, and the face's scale from astronaut.png (its box is about 100 px).</summary>
    public static TheoryData<int, int, float> Frames => new()
    {
        { 640, 480, 1f },
        { 480, 640, 1f },
        { 200, 200, 1f },
        { 1000, 150, 1f },
        { 150, 1000, 1f },
        { 300, 300, 2.5f },
        { 120, 90, 0.3f },
        { 8, 8, 1f },
        { 8, 8, 0.06f },
        { 1, 200, 1f },
        { 200, 1, 1f },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public async Task AllEstimates_AtEveryEdgeAndCorner_AreWholeAndFinite(int width, int height, float scale)
    {
        using var astronaut = FaceEngineFixture.Load("astronaut.png");
        var (box, points) = await new FaceEstimateTests(fixture, output).FaceAtAsync(astronaut, 225, 118);
        var (bw, bh) = (box.Width * scale, box.Height * scale);
        var (estimator, logs) = EstimateSanity.Estimator(fixture);

        foreach (var x in Along(width, bw))
        {
            foreach (var y in Along(height, bh))
            {
                using var frame = Place(astronaut, box, scale, x, y, width, height);
                var placed = new Rect2f(x, y, bw, bh);
                var five = points.Select(p => new Point2f(x + (p.X - box.X) * scale, y + (p.Y - box.Y) * scale)).ToArray();
                var estimates = await estimator.EstimateAsync(frame, placed, five, EstimateSanity.All, 1, CancellationToken.None);
                EstimateSanity.Assert(estimates, usable: true, Math.Max(bw, bh), $"{width}x{height} face {placed}");
            }
        }

        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(0.999f)]
    [InlineData(1.37f)]
    public async Task AllEstimates_WithTheFaceFillingTheImageExactly_AreWhole(float scale)
    {
        using var astronaut = FaceEngineFixture.Load("astronaut.png");
        var (box, points) = await new FaceEstimateTests(fixture, output).FaceAtAsync(astronaut, 225, 118);
        // The frame is the box rounded; the box keeps its fractional size, so the liveness context is the
        // image's side divided by the box's and multiplied back, a hair over or under the side.
        var (width, height) = ((int)Math.Round(box.Width * scale), (int)Math.Round(box.Height * scale));
        var (estimator, logs) = EstimateSanity.Estimator(fixture);
        using var frame = Place(astronaut, box, scale, 0, 0, width, height);
        var placed = new Rect2f(0, 0, box.Width * scale, box.Height * scale);
        var five = points.Select(p => new Point2f((p.X - box.X) * scale, (p.Y - box.Y) * scale)).ToArray();

        var estimates = await estimator.EstimateAsync(frame, placed, five, EstimateSanity.All, 1, CancellationToken.None);
        var exact = await estimator.EstimateAsync(frame, new Rect2f(0, 0, width, height), five, EstimateSanity.All, 1, CancellationToken.None);

        EstimateSanity.Assert(estimates, usable: true, Math.Max(placed.Width, placed.Height), $"{width}x{height} face {placed}");
        EstimateSanity.Assert(exact, usable: true, Math.Max(width, height), $"{width}x{height} face the whole image");
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning);
    }

    /// <summary>Where the face's box starts along one axis: half outside, a pixel outside, at the edge, centred, at the far edge, a pixel past it, half past it.</summary>
    private static float[] Along(int side, float face) => [-face / 2, -1, 0, (side - face) / 2, side - face, side - face + 1, side - face / 2];

    /// <summary>astronaut.png scaled so that its face box lands at (x, y) in a width x height frame; the rest of the frame is grey.</summary>
    internal static Mat Place(Mat source, Rect2f box, float scale, float x, float y, int width, int height)
    {
        using var transform = Mat.FromArray(new double[,] { { scale, 0, x - box.X * scale }, { 0, scale, y - box.Y * scale } });
        return source.WarpAffine(transform, new Size(width, height), InterpolationFlags.Linear, BorderTypes.Constant, OpenCvSharp.Scalar.All(128));
    }
}
