using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Tracking;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>Faces found where they are in real photos (boxes checked by eye on the photos, not taken from the detector).</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceDetectionTests(FaceEngineFixture fixture)
{
    public static TheoryData<string, int[]> Photos => new()
    {
        { "astronaut.png", [183, 70, 82, 100] },
        { "messi5.jpg", [228, 94, 28, 38] },
        { "lbp_yale.jpg", [10, 0, 145, 185, 170, 0, 150, 180, 335, 0, 150, 185, 505, 0, 150, 175] },
        { "faceDetection.png", [212, 205, 150, 185] },
        { "face_swapped.jpg", [112, 62, 100, 150] },
        { "facereg.jpg", [22, 10, 55, 70, 122, 10, 55, 70, 22, 108, 55, 72, 127, 100, 50, 80] },
        { "julia_facedetect_sample.jpg", [190, 130, 120, 165] },
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public async Task Detect_FindsEveryFaceWhereItIs_AndNothingElse(string photo, int[] boxes)
    {
        using var image = FaceEngineFixture.Load(photo);
        var expected = Enumerable.Range(0, boxes.Length / 4).Select(i => new Rect2f(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3])).ToList();

        var faces = await fixture.Engine.DetectAsync(image, new DetectOptions(), CancellationToken.None);

        var found = string.Join(" ", faces.Select(f => $"[{f.Box.X:0},{f.Box.Y:0},{f.Box.Width:0},{f.Box.Height:0} {f.Score:0.00}]"));
        Assert.True(faces.Count == expected.Count, $"{photo}: {faces.Count} faces found, {expected.Count} expected: {found}");
        foreach (var box in expected)
        {
            var best = faces.Max(f => BoxGeometry.IoU(f.Box, box));
            Assert.True(best >= 0.5, $"{photo}: the face at {box} best matches with IoU {best:0.00}; found {found}");
        }

        Assert.All(faces, f => Assert.True(f.Box.X >= 0 && f.Box.Y >= 0 && f.Box.Right <= image.Cols && f.Box.Bottom <= image.Rows, $"{f.Box} leaves the {image.Cols}x{image.Rows} photo"));
    }

    [Theory]
    [InlineData(1920, 1080)]
    public async Task AFaceOf25Pixels_InAWideFrame_IsFoundByTiling_AndMissedByTheWholeFramePass(int width, int height)
    {
        using var astronaut = FaceEngineFixture.Load("astronaut.png");
        // The astronaut's head and shoulders scaled so that her face (about 100 px high) is 25 px.
        const double scale = 0.25;
        using var small = astronaut.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Area);
        using var frame = new Mat(height, width, MatType.CV_8UC3, new OpenCvSharp.Scalar(128, 128, 128));
        var at = new Point(width * 3 / 5, height / 3);
        small.CopyTo(new Mat(frame, new Rect(at.X, at.Y, small.Cols, small.Rows)));
        var face = new Rect2f(at.X + (float)(183 * scale), at.Y + (float)(70 * scale), (float)(82 * scale), (float)(100 * scale));
        Assert.True(DetectionPlan.WholeFrameMinFace(width, height) > 40, "the whole-frame pass would find this face anyway: the test proves nothing");

        var tiled = await fixture.Engine.DetectAsync(frame, new DetectOptions(MinFaceSize: 20), CancellationToken.None);
        var whole = await fixture.Engine.DetectAsync(frame, new DetectOptions(MinFaceSize: 10_000), CancellationToken.None);

        Assert.Contains(tiled, f => BoxGeometry.IoU(f.Box, face) >= 0.4);
        Assert.DoesNotContain(whole, f => BoxGeometry.IoU(f.Box, face) >= 0.1);
    }

    [Fact]
    public void Plan_AddsTilesOnlyWhenTheMinimumFaceNeedsThem()
    {
        Assert.Single(DetectionPlan.For(1280, 720, minFaceSize: 100));
        var forty = DetectionPlan.For(1280, 720, minFaceSize: 40).Count;
        var twenty = DetectionPlan.For(1280, 720, minFaceSize: 20).Count;

        Assert.InRange(forty, 2, twenty - 1);
        // Every tile lies inside the frame.
        Assert.All(DetectionPlan.For(1920, 1080, 20), w => Assert.True(w.Area.X >= 0 && w.Area.Y >= 0 && w.Area.Right <= 1920 && w.Area.Bottom <= 1080, w.Area.ToString()));
    }
}
