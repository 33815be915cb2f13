using LunaPoint.Tests.Modules.Detection.Inference;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Iso;

/// <summary>
/// The ISO checks on a real portrait: a passport-like cut of astronaut.png passes every check; each variant
/// fails for its own reason, the other checks of the same picture still passing where physics allows.
/// </summary>
[Collection(FaceEngineCollection.Name)]
public sealed class IsoCheckerPhotoTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task PassportLikeCut_PassesEveryCheck()
    {
        using var image = Portrait();

        var report = await IsoPortrait.CheckLargestAsync(fixture.Engine, image);
        output.WriteLine(IsoPortrait.Describe(report));

        IsoPortrait.AssertFailsOnly(report);
        Assert.NotNull(report.Checks.Single(c => c.Name == "backgroundUniformity").Value);
    }

    [Fact]
    public async Task RotatedBy30Degrees_FailsRollOnly()
    {
        // The whole photo is turned about the face before the same cut, so the corners hold real backdrop.
        using var source = FaceEngineFixture.Load("astronaut.png");
        using var rotation = Cv2.GetRotationMatrix2D(new Point2f(225, 120), 30, 1);
        using var rotated = source.WarpAffine(rotation, source.Size(), InterpolationFlags.Linear, BorderTypes.Reflect101);
        using var image = IsoPortrait.Crop(rotated, IsoPortrait.Passport);

        var report = await IsoPortrait.CheckLargestAsync(fixture.Engine, image);
        output.WriteLine(IsoPortrait.Describe(report));

        IsoPortrait.AssertFailsOnly(report, "roll");
    }

    [Fact]
    public async Task Darkened_FailsExposureOnly()
    {
        // Underexposure by a third of the light: the face is dark and its grey levels are squeezed (the
        // dynamic range falls with the light; that is what under-exposure is).
        using var portrait = Portrait();
        using var image = new Mat();
        portrait.ConvertTo(image, MatType.CV_8UC3, 0.33);

        var report = await IsoPortrait.CheckLargestAsync(fixture.Engine, image);
        output.WriteLine(IsoPortrait.Describe(report));

        // The darker face reads a few pixels wider, so the hair's margin covers the thin strips of backdrop
        // the cut leaves (background not measured, or measured on what is left).
        IsoPortrait.AssertFailsOnly(report, ["brightness", "dynamicRange"], unjudged: "backgroundUniformity");
        Assert.NotEqual(false, report.Checks.Single(c => c.Name == "backgroundUniformity").Passed);
    }

    [Fact]
    public async Task Blurred_FailsSharpnessOnly()
    {
        using var portrait = Portrait();
        using var image = portrait.GaussianBlur(new Size(0, 0), 2.5);

        var report = await IsoPortrait.CheckLargestAsync(fixture.Engine, image);
        output.WriteLine(IsoPortrait.Describe(report));

        // The blur smears the hair into the strips of backdrop (a few pixels wide) beside the head, so the
        // background check may fail with it; every other check holds.
        IsoPortrait.AssertFailsOnly(report, ["sharpness"], unjudged: "backgroundUniformity");
    }

    [Fact]
    public async Task TwoFacesSideBySide_FailsSingleFace_AndTheGeometryTheSecondFaceTakes()
    {
        // Side by side, each face sits a quarter in from its edge at half the share of the width, and the
        // other head stands where the background should be: those checks cannot pass with two faces.
        using var portrait = Portrait();
        using var image = new Mat();
        Cv2.HConcat([portrait, portrait], image);

        var report = await IsoPortrait.CheckLargestAsync(fixture.Engine, image);
        output.WriteLine(IsoPortrait.Describe(report));

        Assert.Equal(2, report.Checks.Single(c => c.Name == "singleFace").Value);
        IsoPortrait.AssertFailsOnly(report, "singleFace", "faceSize", "faceCentre", "backgroundUniformity");
    }

    [Fact]
    public async Task FaceTooSmall_FailsFaceSizeOnly()
    {
        // The portrait shrunk to 60% and its edges replicated back out to 180x240, the eye line kept 40% down
        // and the face centred: only the head's share of the width changes.
        using var portrait = Portrait();
        using var small = portrait.Resize(new Size(108, 144), 0, 0, InterpolationFlags.Area);
        using var image = small.CopyMakeBorder(38, 58, 36, 36, BorderTypes.Replicate);

        var report = await IsoPortrait.CheckLargestAsync(fixture.Engine, image);
        output.WriteLine(IsoPortrait.Describe(report));

        IsoPortrait.AssertFailsOnly(report, "faceSize");
    }

    [Fact]
    public async Task FaceOffCentre_FailsFaceCentreOnly()
    {
        using var source = FaceEngineFixture.Load("astronaut.png");
        using var image = IsoPortrait.Crop(source, IsoPortrait.Passport with { X = IsoPortrait.Passport.X + 30 });

        var report = await IsoPortrait.CheckLargestAsync(fixture.Engine, image);
        output.WriteLine(IsoPortrait.Describe(report));

        IsoPortrait.AssertFailsOnly(report, "faceCentre");
    }

    private static Mat Portrait()
    {
        using var source = FaceEngineFixture.Load("astronaut.png");
        return IsoPortrait.Crop(source, IsoPortrait.Passport);
    }
}
