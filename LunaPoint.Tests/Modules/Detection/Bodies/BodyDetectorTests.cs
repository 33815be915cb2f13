using LunaPoint.Modules.Detection.Bodies;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Bodies;

/// <summary>The detector every stream shares: which detector answers, what it refuses, what readiness says.</summary>
public sealed class BodyDetectorTests : IDisposable
{
    private readonly HogPeopleDetector _hog = new();

    private BodyDetector Detector => new(_hog, NullLogger<BodyDetector>.Instance);

    [Fact]
    public async Task VtestFrame_FindsPeople_ByHog()
    {
        using var frame = VtestFrames.Read(600);

        var found = await Detector.DetectAsync(frame, new BodyDetectOptions(), CancellationToken.None);

        Assert.Equal(BodyDetector.HogName, Detector.Name);
        Assert.InRange(found.Count, 3, 6);
        Assert.All(found, c => Assert.True(c.Box.Height >= 64 && c.Box.Right <= 768 && c.Box.Bottom <= 576));
        Assert.Equal(found.OrderByDescending(c => c.Score), found);
    }

    [Fact]
    public async Task GrayscaleOrEmptyFrame_IsRefused()
    {
        using var gray = new Mat(576, 768, MatType.CV_8UC1, new OpenCvSharp.Scalar(128));
        using var empty = new Mat();

        await Assert.ThrowsAsync<ArgumentException>(async () => await Detector.DetectAsync(gray, new BodyDetectOptions(), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Detector.DetectAsync(empty, new BodyDetectOptions(), CancellationToken.None));
    }

    [Fact]
    public async Task Cancelled_Throws()
    {
        using var frame = VtestFrames.Read(0);

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await Detector.DetectAsync(frame, new BodyDetectOptions(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task ReadyCheck_IsHealthy_AndNamesHog()
    {
        var result = await new BodyDetectorReadyCheck(Detector).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("HOG people detector", result.Description);
    }

    public void Dispose() => _hog.Dispose();
}
