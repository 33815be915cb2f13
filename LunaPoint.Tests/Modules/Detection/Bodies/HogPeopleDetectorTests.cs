using LunaPoint.Modules.Detection.Bodies;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Bodies;

/// <summary>The HOG fallback on real frames: the people of vtest.avi where they walk, nothing on empty ground.</summary>
public sealed class HogPeopleDetectorTests : IDisposable
{
    private readonly HogPeopleDetector _hog = new();

    // Boxes HOG gave on these frames, each checked by eye to hold one whole walking person.
    public static TheoryData<int, float, float, float, float> People => new()
    {
        { 0, 246, 203, 45, 119 },
        { 500, 299, 172, 40, 107 },
        { 500, 607, 270, 42, 110 },
        { 500, 569, 278, 46, 121 },
        { 700, 97, 281, 48, 128 },
        { 700, 358, 155, 43, 113 },
        { 700, 272, 191, 44, 116 },
    };

    [Theory]
    [MemberData(nameof(People))]
    public void VtestFrame_FindsThePersonWhereTheyWalk(int frameIndex, float x, float y, float width, float height)
    {
        using var frame = VtestFrames.Read(frameIndex);

        var found = _hog.Detect(frame, new BodyDetectOptions(), CancellationToken.None);

        var (match, iou) = VtestFrames.Best(found, new Rect2f(x, y, width, height));
        Assert.True(iou >= 0.5f, $"no box over the person at ({x},{y},{width},{height}); found {VtestFrames.Describe(found)}");
        Assert.InRange(match!.Score, 0.5f, 1f);
    }

    [Fact]
    public void GroundWithoutPeople_YieldsNothing()
    {
        using var frame = VtestFrames.Read(0);
        using var grass = new Mat(frame, new Rect(0, 330, 440, 246));

        Assert.Empty(_hog.Detect(grass, new BodyDetectOptions(), CancellationToken.None));
    }

    [Fact]
    public void GrayFrame_YieldsNothing()
    {
        using var gray = new Mat(576, 768, MatType.CV_8UC3, new OpenCvSharp.Scalar(128, 128, 128));

        Assert.Empty(_hog.Detect(gray, new BodyDetectOptions(), CancellationToken.None));
    }

    [Fact]
    public void MinBodyHeight_DropsShorterPeople()
    {
        using var frame = VtestFrames.Read(700);

        var all = _hog.Detect(frame, new BodyDetectOptions(MinBodyHeight: 64), CancellationToken.None);
        var tall = _hog.Detect(frame, new BodyDetectOptions(MinBodyHeight: 120), CancellationToken.None);

        Assert.True(all.Count > tall.Count, $"all: {VtestFrames.Describe(all)}; tall: {VtestFrames.Describe(tall)}");
        Assert.All(tall, c => Assert.True(c.Box.Height >= 120));
    }

    [Fact]
    public void LargerFrame_IsScaledToThePixelBudget_AndBoxesComeBackInFramePixels()
    {
        // A 16:9 band of the frame made 720p: the people grow by 5/3 and HOG sees them at 5/3 x 0.69.
        using var frame = VtestFrames.Read(500);
        using var band = new Mat(frame, new Rect(0, 72, 768, 432));
        using var large = band.Resize(new Size(1280, 720), 0, 0, InterpolationFlags.Cubic);
        const float k = 1280f / 768;

        var found = _hog.Detect(large, new BodyDetectOptions(), CancellationToken.None);

        Assert.True(_hog.ScaleFor(1280, 720, 64) < 1);
        foreach (var (x, y, w, h) in new[] { (607f, 270f, 42f, 110f), (569f, 278f, 46f, 121f), (299f, 172f, 40f, 107f) })
        {
            var expected = new Rect2f(x * k, (y - 72) * k, w * k, h * k);
            var (_, iou) = VtestFrames.Best(found, expected);
            Assert.True(iou >= 0.5f, $"no box over the person at {expected}; found {VtestFrames.Describe(found)}");
        }
    }

    [Fact]
    public void MinBodyHeight_LetsHogLookAtFewerPixels()
    {
        Assert.Equal(1.0, _hog.ScaleFor(768, 576, 64));
        Assert.Equal(HogPeopleDetector.PersonRows / 210, _hog.ScaleFor(768, 576, 210), 6);
    }

    [Theory]
    [InlineData(50, 50)]
    [InlineData(63, 400)]
    [InlineData(400, 100)]
    public void FrameSmallerThanTheWindow_YieldsNothing(int width, int height)
    {
        using var small = new Mat(height, width, MatType.CV_8UC3, new OpenCvSharp.Scalar(90, 120, 150));

        Assert.Empty(_hog.Detect(small, new BodyDetectOptions(), CancellationToken.None));
    }

    public void Dispose() => _hog.Dispose();
}
