using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Iso;
using LunaPoint.Modules.Detection.Workers;
using LunaPoint.Tests.Modules.Detection.Inference;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Iso;

/// <summary>
/// The portrait a stream's ISO checks judge: its geometry from the face's box and eyes alone, and on a real
/// face held as a stream holds it (the context crop) the geometry checks pass on the cut where the crop fails them.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public sealed class IsoTokenCutTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Geometry = ["faceSize", "faceCentre", "eyeLine"];

    [Fact]
    public void Wanted_Is3By4_HeadAQuarterUpTheAllowedShares_EyesCentredAt40PercentDown()
    {
        var o = new IsoOptions();
        var box = new Rect2f(200, 100, 100, 120);
        Point2f[] points = [new(230, 150), new(270, 154), new(250, 175), new(235, 195), new(265, 195)];

        var cut = IsoTokenCut.Wanted(box, points, o);

        Assert.Equal(100 * 1.2 / 0.5625, cut.Width, 3);
        Assert.Equal(cut.Width * 4 / 3, cut.Height, 3);
        Assert.Equal(250, cut.X + (cut.Width / 2), 3);
        Assert.Equal(152, cut.Y + (cut.Height * 0.4), 3);

        // The checks themselves, on a picture of exactly that cut.
        var shifted = points.Select(p => new Point2f((float)(p.X - cut.X), (float)(p.Y - cut.Y))).ToArray();
        var size = new Size((int)Math.Round(cut.Width), (int)Math.Round(cut.Height));
        var checks = GeometryChecks.Of(size, new Rect2f((float)(box.X - cut.X), (float)(box.Y - cut.Y), box.Width, box.Height), shifted, 1, o).ToList();
        Assert.All(Geometry, name => Assert.True(checks.Single(c => c.Name == name).Passed, name));
    }

    [Fact]
    public void Inside_ClipsToThePicture_AndSaysSo()
    {
        var (whole, clippedWhole) = IsoTokenCut.Inside(new Rect2d(10.4, 20.6, 192, 256), new Size(640, 360));
        var (edge, clippedEdge) = IsoTokenCut.Inside(new Rect2d(-40, 20, 192, 256), new Size(640, 360));

        Assert.Equal((new Rect(10, 21, 192, 256), false), (whole, clippedWhole));
        Assert.Equal((new Rect(0, 20, 152, 256), true), (edge, clippedEdge));
    }

    [Fact]
    public async Task HeldStreamCrop_OfAFrontalFace_PassesTheGeometryOnTheCut_WhereTheCropItselfFailsFaceSize()
    {
        // astronaut.png as a frame: the face with room around it, held as the stream holds it.
        using var frame = FaceEngineFixture.Load("astronaut.png");
        using var shot = await HoldAsync(frame);
        var estimates = new FaceEstimates(Pose: new PoseEstimate(0, 0, 0));
        var checker = new IsoChecker(Options.Create(new IsoOptions()));

        var onCrop = checker.Check(shot.Context, shot.BoxInContext, shot.LandmarksInContext, estimates, shot.FacesInContext);
        var onCut = new StreamIsoCheck(checker, Options.Create(new IsoOptions())).Check(shot, estimates);
        output.WriteLine($"crop {shot.Context.Width}x{shot.Context.Height}: {IsoPortrait.Describe(onCrop)}");
        output.WriteLine($"cut: {IsoPortrait.Describe(onCut)}");

        Assert.False(onCrop.Checks.Single(c => c.Name == "faceSize").Passed);
        Assert.All(Geometry, name => Assert.True(onCut.Checks.Single(c => c.Name == name).Passed, IsoPortrait.Describe(onCut)));
        Assert.All(onCut.Checks, c => Assert.DoesNotContain("cuts the portrait", c.Detail ?? "", StringComparison.Ordinal));

        // The cut leaves the background beside and above the hair to judge (astronaut.png's studio backdrop).
        Assert.True(onCut.Checks.Single(c => c.Name == "backgroundUniformity").Passed, IsoPortrait.Describe(onCut));
    }

    [Fact]
    public async Task FaceAtTheFramesEdge_TheGeometryChecksSayTheFrameCutsThePortrait()
    {
        // The same face with the frame ending just left of it.
        using var full = FaceEngineFixture.Load("astronaut.png");
        var face = await FacePipeline.LargestFaceAsync(fixture.Engine, full);
        using var frame = new Mat(full, new Rect((int)face.Box.X - 10, 0, full.Width - ((int)face.Box.X - 10), full.Height)).Clone();
        using var shot = await HoldAsync(frame);
        var checker = new IsoChecker(Options.Create(new IsoOptions()));

        var report = new StreamIsoCheck(checker, Options.Create(new IsoOptions())).Check(shot, new FaceEstimates());
        output.WriteLine(IsoPortrait.Describe(report));

        Assert.All(Geometry, name => Assert.Contains("the frame's edge cuts the portrait", report.Checks.Single(c => c.Name == name).Detail ?? "", StringComparison.Ordinal));
        Assert.False(report.Checks.Single(c => c.Name == "faceCentre").Passed);
    }

    private async Task<HeldShot> HoldAsync(Mat frame)
    {
        var face = await FacePipeline.LargestFaceAsync(fixture.Engine, frame);
        var landmarks = await fixture.Engine.LandmarksAsync(frame, face.Box, CancellationToken.None);
        var (context, origin) = HeldShot.CropContext(frame, face.Box);
        return new HeldShot(new Mat(), context, origin, face.Box, landmarks.Points5, 1, DateTimeOffset.UnixEpoch, frame.Width, frame.Height, [face.Box]);
    }
}
