using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Iso;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Iso;

/// <summary>Each check's boundary with synthetic estimates and geometry: on the limit passes, just past it fails; missing input is not measured.</summary>
public sealed class IsoCheckBoundaryTests
{
    private static readonly IsoOptions Defaults = new();

    [Theory]
    [InlineData(5.0, 0, 0, true)]
    [InlineData(5.1, 0, 0, false)]
    [InlineData(-5.1, 0, 0, false)]
    [InlineData(0, -14.0, 0, true)]
    [InlineData(0, -14.1, 0, false)]
    [InlineData(0, 5.1, 0, false)]
    [InlineData(0, 0, -5.0, true)]
    [InlineData(0, 0, 5.1, false)]
    public void Pose_IsHeldToItsLimits(double yaw, double pitch, double roll, bool passes)
    {
        var checks = PoseChecks.Of(new PoseEstimate(yaw, pitch, roll), Defaults).ToList();

        Assert.Equal(passes, checks.TrueForAll(c => c.Passed == true));
        Assert.Equal(["yaw", "pitch", "roll"], checks.Select(c => c.Name));
    }

    [Fact]
    public void Pose_WhenMissing_IsNotMeasured_NotFailed()
    {
        Assert.All(PoseChecks.Of(null, Defaults), c => Assert.True(c.Passed is null && c.Detail!.StartsWith(IsoChecks.NotMeasured), c.ToString()));
    }

    [Theory]
    [InlineData(0.9, 0.5, true)]
    [InlineData(0.9, 0.49, false)]
    [InlineData(0.2, 0.95, false)]
    public void EyesOpen_NeedsBothEyesOpen(double left, double right, bool passes)
    {
        var eyes = new EyesEstimate(Eye(left), Eye(right));

        var check = PoseChecks.EyesOpen(eyes, Defaults);

        Assert.Equal(passes, check.Passed);
        Assert.Equal(Math.Min(left, right), check.Value);
    }

    [Fact]
    public void EyesOpen_WhenAnEyeIsUnknownOrEyesAreMissing_IsNotMeasured()
    {
        var unknown = new EyesEstimate(Eye(0.9), new EyeEstimate(EyeState.Unknown, null));

        Assert.Null(PoseChecks.EyesOpen(unknown, Defaults).Passed);
        Assert.Null(PoseChecks.EyesOpen(null, Defaults).Passed);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(2, false)]
    public void SingleFace_CountsFaces(int faces, bool passes) =>
        Assert.Equal(passes, Geometry(new Rect2f(65, 80, 50, 60), faces)["singleFace"].Passed);

    [Theory]
    [InlineData(75.0, true)] // 75 x 1.2 / 180 = 0.50
    [InlineData(74.0, false)]
    [InlineData(112.5, true)] // 0.75
    [InlineData(113.5, false)]
    public void FaceSize_IsTheHeadWidthShare(double boxWidth, bool passes)
    {
        var box = new Rect2f((float)(90 - boxWidth / 2), 60, (float)boxWidth, (float)boxWidth);

        Assert.Equal(passes, Geometry(box, 1)["faceSize"].Passed);
    }

    [Theory]
    [InlineData(81.0, 96.0, true)] // 0.45, eye line 0.40
    [InlineData(80.0, 96.0, false)]
    [InlineData(99.0, 72.0, true)] // 0.55, eye line 0.30
    [InlineData(100.0, 120.0, false)]
    public void Centring_HoldsTheEyesMidpointAndEyeLine(double centreX, double eyeY, bool passes)
    {
        var points = new[] { new Point2f((float)centreX - 20, (float)eyeY), new Point2f((float)centreX + 20, (float)eyeY) };
        var checks = GeometryChecks.Of(new Size(180, 240), new Rect2f(50, 50, 80, 80), points, 1, Defaults).ToDictionary(c => c.Name);

        Assert.Equal(passes, checks["faceCentre"].Passed == true && checks["eyeLine"].Passed == true);
    }

    [Fact]
    public void Background_OfAPlainWall_Passes_OfAStripedOne_Fails_OfATightCut_IsNotMeasured()
    {
        var box = new Rect2f(60, 80, 60, 70);
        using var plain = new Mat(240, 180, MatType.CV_8UC3, OpenCvSharp.Scalar.All(200));
        using var striped = plain.Clone();
        for (var x = 0; x < 180; x += 8)
        {
            striped[new Rect(x, 0, 4, 240)].SetTo(OpenCvSharp.Scalar.All(40));
        }

        Assert.True(BackgroundCheck.Of(plain, box, Defaults).Passed);
        Assert.False(BackgroundCheck.Of(striped, box, Defaults).Passed);
        using var tight = new Mat(120, 100, MatType.CV_8UC3, OpenCvSharp.Scalar.All(200));
        var cut = BackgroundCheck.Of(tight, new Rect2f(5, 30, 90, 85), Defaults);
        Assert.Null(cut.Passed);
        Assert.Contains("too little background", cut.Detail);
    }

    [Fact]
    public void Checker_OnAMissingInput_ReportsNotMeasured_AndTheVerdictStandsOnTheRest()
    {
        using var plain = new Mat(240, 180, MatType.CV_8UC3, OpenCvSharp.Scalar.All(200));
        var checker = new IsoChecker(Options.Create(new IsoOptions()));

        var report = checker.Check(plain, new Rect2f(1000, 1000, 10, 10), [], new FaceEstimates(), 1);

        Assert.False(report.Passed); // the tiny far-away box fails faceSize; nothing else can fail it
        Assert.Equal(["faceSize"], report.Checks.Where(c => c.Passed == false).Select(c => c.Name));
        Assert.Contains(report.Checks, c => c.Name == "eyesOpen" && c.Passed is null);
        Assert.Contains(report.Checks, c => c.Name == "sharpness" && c.Passed is null);
    }

    [Fact]
    public void Options_Defaults_AreValid_AndAnInvertedRangeIsNamed()
    {
        Assert.True(new IsoOptions().IsValid(out _));
        Assert.False(new IsoOptions { MinPitch = 10, MaxPitch = 5 }.IsValid(out var problem));
        Assert.Contains("MinPitch", problem);
    }

    private static EyeEstimate Eye(double score) => new(score >= 0.5 ? EyeState.Open : EyeState.Closed, score);

    private static Dictionary<string, IsoCheck> Geometry(Rect2f box, int faces) =>
        GeometryChecks.Of(new Size(180, 240), box, [new Point2f(80, 96), new Point2f(100, 96)], faces, Defaults).ToDictionary(c => c.Name);
}
