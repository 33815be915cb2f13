using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Iso;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>Age, gender, eyes and pose as <see cref="FaceEstimator"/> decodes them, pinned on real photos (docs/models.md).</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceEstimateTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    // Who is in the test photos (by eye): the face nearest each point, in photo pixels.
    public static TheoryData<string, int, int, string> People => new()
    {
        { "astronaut.png", 225, 118, "female" },      // Eileen Collins
        { "faceDetection.png", 280, 280, "female" },  // Lena
        { "julia_facedetect_sample.jpg", 245, 215, "female" }, // Mona Lisa
        { "face_swapped.jpg", 160, 115, "male" },
        { "messi5.jpg", 240, 110, "male" },
        { "facereg.jpg", 50, 40, "female" },
        { "facereg.jpg", 150, 40, "female" },
        { "facereg.jpg", 50, 135, "female" },
        { "facereg.jpg", 155, 130, "male" },          // Barack Obama
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task Attributes_ReadTheGender_AndAnAdultAge(string photo, int x, int y, string gender)
    {
        using var image = FaceEngineFixture.Load(photo);
        var (box, points) = await FaceAtAsync(image, x, y);

        // Every face, messi5.jpg's 31 px one too (below AttributesMinFaceSize it is null by default: AttributesMinSizeTests).
        var attributes = (await Estimator(new EstimateOptions { AttributesMinFaceSize = 1 }).EstimateAsync(image, box, points, FaceEstimateKinds.Attributes, 1, CancellationToken.None)).Attributes!;
        output.WriteLine($"{photo} ({x},{y}): {attributes}");

        Assert.Equal(gender, attributes.Gender);
        Assert.InRange(attributes.GenderScore, 0.5, 1);
        Assert.InRange(attributes.Age, 25, 60);
    }

    [Fact]
    public async Task Age_DiffersBetweenPeople()
    {
        var ages = new List<double>();
        foreach (var (photo, x, y) in new[] { ("astronaut.png", 225, 118), ("julia_facedetect_sample.jpg", 245, 215), ("face_swapped.jpg", 160, 115), ("faceDetection.png", 280, 280) })
        {
            using var image = FaceEngineFixture.Load(photo);
            var (box, points) = await FaceAtAsync(image, x, y);
            ages.Add((await Estimator().EstimateAsync(image, box, points, FaceEstimateKinds.Attributes, 1, CancellationToken.None)).Attributes!.Age);
        }

        output.WriteLine(string.Join(", ", ages));
        Assert.True(ages.Max() - ages.Min() >= 8, $"ages {string.Join(", ", ages)}: the decoding gives nearly the same age to everyone");
    }

    [Theory]
    [InlineData("astronaut.png")]
    [InlineData("faceDetection.png")]
    [InlineData("face_swapped.jpg")]
    [InlineData("lbp_yale.jpg")]
    public async Task Eyes_OpenReadOpen_AndThePhotoWithTheEyesClosedReadsClosed(string photo)
    {
        using var image = FaceEngineFixture.Load(photo);
        foreach (var face in await fixture.Engine.DetectAsync(image, new DetectOptions(), CancellationToken.None))
        {
            // lbp_yale.jpg's dark fourth panel: its eyes lie in shadow and read closed (docs/models.md).
            if (photo == "lbp_yale.jpg" && face.Box.X > 400)
            {
                continue;
            }

            var landmarks = await fixture.Engine.LandmarksAsync(image, face.Box, CancellationToken.None);
            using var closed = ClosedEyes.Make(image, landmarks);

            var open = (await Estimator().EstimateAsync(image, face.Box, landmarks.Points5, FaceEstimateKinds.Eyes, 1, CancellationToken.None)).Eyes!;
            var shut = (await Estimator().EstimateAsync(closed, face.Box, landmarks.Points5, FaceEstimateKinds.Eyes, 1, CancellationToken.None)).Eyes!;
            output.WriteLine($"{photo} {face.Box.X:0}: open {open}, closed {shut}");

            Assert.Equal((EyeState.Open, EyeState.Open), (open.Left.State, open.Right.State));
            Assert.Equal((EyeState.Closed, EyeState.Closed), (shut.Left.State, shut.Right.State));
            Assert.True(open.Left.OpenScore > 0.9 && open.Right.OpenScore > 0.9, $"open {open}");
        }
    }

    [Fact]
    public async Task Eyes_AreUnknown_WhenTooSmall_OrCutByTheEdge()
    {
        using var messi = FaceEngineFixture.Load("messi5.jpg");
        var (box, points) = await FaceAtAsync(messi, 240, 110);
        var small = (await Estimator().EstimateAsync(messi, box, points, FaceEstimateKinds.Eyes, 1, CancellationToken.None)).Eyes!;

        using var astronaut = FaceEngineFixture.Load("astronaut.png");
        var (face, five) = await FaceAtAsync(astronaut, 225, 118);
        // The photo cut down the middle of her left eye (as seen): that eye's square is half outside.
        var cut = (int)five[0].X;
        using var right = new Mat(astronaut, new Rect(cut, 0, astronaut.Width - cut, astronaut.Height)).Clone();
        var shifted = five.Select(p => new Point2f(p.X - cut, p.Y)).ToArray();
        var edge = (await Estimator().EstimateAsync(right, new Rect2f(face.X - cut, face.Y, face.Width, face.Height), shifted, FaceEstimateKinds.Eyes, 1, CancellationToken.None)).Eyes!;
        output.WriteLine($"messi5.jpg {small}; cut {edge}");

        Assert.Equal((EyeState.Unknown, EyeState.Unknown), (small.Left.State, small.Right.State));
        Assert.Null(small.Left.OpenScore);
        Assert.Equal(EyeState.Unknown, edge.Left.State);
        Assert.Equal(EyeState.Open, edge.Right.State);
    }

    [Fact]
    public async Task Estimate_FillsWhatWasAsked_AndTheImageMeasureWithAny()
    {
        using var image = FaceEngineFixture.Load("astronaut.png");
        var (box, points) = await FaceAtAsync(image, 225, 118);

        var none = await Estimator().EstimateAsync(image, box, points, FaceEstimateKinds.None, 1, CancellationToken.None);
        var pose = await Estimator().EstimateAsync(image, box, points, FaceEstimateKinds.Pose, 1, CancellationToken.None);

        Assert.Equal(new FaceEstimates(), none);
        Assert.Null(pose.Attributes);
        Assert.Null(pose.Eyes);
        Assert.Null(pose.Liveness);
        Assert.InRange(pose.Pose!.Yaw, -10, 10);
        Assert.InRange(pose.Pose.Roll, -10, 10);
        Assert.InRange(pose.Image!.Sharpness, 0.3, 1);
    }

    internal FaceEstimator Estimator(EstimateOptions? options = null) =>
        new(fixture.Engine, Options.Create(options ?? new EstimateOptions()), new IsoChecker(Options.Create(new IsoOptions())));

    internal async Task<(Rect2f Box, Point2f[] Points)> FaceAtAsync(Mat image, int x, int y)
    {
        var faces = await fixture.Engine.DetectAsync(image, new DetectOptions(MinFaceSize: 20), CancellationToken.None);
        var face = faces.MinBy(f => Math.Pow(f.Box.X + f.Box.Width / 2 - x, 2) + Math.Pow(f.Box.Y + f.Box.Height / 2 - y, 2))!;
        Assert.True(face.Box.Contains(new Point2f(x, y)), $"no face at ({x},{y}); faces: {string.Join(", ", faces.Select(f => f.Box))}");
        return (face.Box, (await fixture.Engine.LandmarksAsync(image, face.Box, CancellationToken.None)).Points5);
    }
}
