using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Tests.Modules.Detection.Inference;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Iso;

/// <summary>The image measure on a real face: well exposed as shot, and falling for its own reason when darkened, blown out or blurred.</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class ImageQualityMeasureTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Measure_OfAWellLitFace_IsSharpMidBrightAndWellExposed()
    {
        using var image = FaceEngineFixture.Load("astronaut.png");
        var face = await FacePipeline.LargestFaceAsync(fixture.Engine, image);

        var quality = ImageQualityMeasure.Measure(image, face.Box);
        output.WriteLine($"{quality} {FaceLight.Measure(image, face.Box)}");

        Assert.InRange(quality.Brightness, 0.3, 0.7);
        Assert.True(quality.Exposure >= 0.9, $"exposure {quality.Exposure:0.00}");
        Assert.Equal(FaceSharpness.Measure(image, face.Box), quality.Sharpness);
    }

    [Theory]
    [InlineData(0.15, 0)] // most light taken away: too dark
    [InlineData(1.0, 170)] // a flat 170 added, saturating: blown out
    public async Task Measure_OfADarkenedOrBlownFace_FallsInExposureOnly(double gain, double offset)
    {
        using var image = FaceEngineFixture.Load("astronaut.png");
        var face = await FacePipeline.LargestFaceAsync(fixture.Engine, image);
        using var changed = new Mat();
        image.ConvertTo(changed, MatType.CV_8UC3, gain, offset);

        var before = ImageQualityMeasure.Measure(image, face.Box);
        var after = ImageQualityMeasure.Measure(changed, face.Box);
        output.WriteLine($"before {before}, after {after} {FaceLight.Measure(changed, face.Box)}");

        Assert.True(after.Exposure < 0.5, $"exposure {after.Exposure:0.00}");
        Assert.True(gain < 1 ? after.Brightness < before.Brightness / 2 : after.Brightness > 0.8, $"brightness {after.Brightness:0.00}");
    }

    [Fact]
    public void Measure_OfABoxOutsideTheImage_IsZeroNotAnError()
    {
        using var image = new Mat(100, 100, MatType.CV_8UC3, OpenCvSharp.Scalar.All(128));

        var quality = ImageQualityMeasure.Measure(image, new Rect2f(200, 200, 50, 50));

        Assert.Equal(0, quality.Exposure);
        Assert.Equal(0, quality.Brightness);
    }

    [Fact]
    public void Light_OfAKnownHistogram_CountsClippedShareAndRange()
    {
        // 100x100: a quarter black, a quarter white, the rest a ramp of 50 levels from 100.
        using var gray = new Mat(100, 100, MatType.CV_8UC1, OpenCvSharp.Scalar.All(0));
        gray[new Rect(0, 25, 100, 25)].SetTo(OpenCvSharp.Scalar.All(255));
        for (var x = 0; x < 100; x++)
        {
            gray[new Rect(x, 50, 1, 50)].SetTo(OpenCvSharp.Scalar.All(100 + x / 2));
        }

        var light = FaceLight.FromGray(gray);

        Assert.Equal(0.25, light.Dark, 6);
        Assert.Equal(0.25, light.Bright, 6);
        Assert.Equal(255, light.Range);
        Assert.Equal(0, ImageQualityMeasure.Exposure(light)); // half of it clipped
    }
}
