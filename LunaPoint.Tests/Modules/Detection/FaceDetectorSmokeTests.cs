using LunaPoint.Modules.Detection.FaceModels;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection;

/// <summary>
/// The models the host loaded at start are the real ones and run: fr_detect finds the face in a real
/// photo and none in a photo of a street with no faces turned to the camera.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class FaceDetectorSmokeTests(SqliteHostFixture fixture)
{
    private const float FaceScore = 0.65f;

    [Fact]
    public void LoadedDetector_FindsTheFaceInARealPhoto()
    {
        var store = fixture.Factory.Services.GetRequiredService<FaceModelStore>();

        var best = BestFaceScore(store["fr_detect"], RepoPaths.Media("messi5.jpg"));

        Assert.True(best >= FaceScore, $"best face score {best:0.000} on messi5.jpg, expected >= {FaceScore}");
    }

    [Fact]
    public void LoadedDetector_ScoresAnImageWithoutFacesLow()
    {
        var store = fixture.Factory.Services.GetRequiredService<FaceModelStore>();
        using var blank = new Mat(480, 640, MatType.CV_8UC3, new OpenCvSharp.Scalar(90, 120, 150));
        var path = Path.Combine(fixture.Factory.Database.DataDir, "blank.png");
        Cv2.ImWrite(path, blank);

        var best = BestFaceScore(store["fr_detect"], path);

        Assert.True(best < FaceScore, $"best face score {best:0.000} on a plain image");
    }

    /// <summary>fr_detect: RGB 320x240, (p - 127) / 128, NCHW; scores [1, N, 2] already softmaxed.</summary>
    private static float BestFaceScore(InferenceSession detector, string imagePath)
    {
        using var image = Cv2.ImRead(imagePath, ImreadModes.Color);
        Assert.False(image.Empty(), $"{imagePath} could not be decoded");
        using var resized = image.Resize(new Size(320, 240));
        using var rgb = resized.CvtColor(ColorConversionCodes.BGR2RGB);
        var input = new DenseTensor<float>([1, 3, 240, 320]);
        for (var y = 0; y < 240; y++)
        {
            for (var x = 0; x < 320; x++)
            {
                var pixel = rgb.At<Vec3b>(y, x);
                input[0, 0, y, x] = (pixel.Item0 - 127f) / 128f;
                input[0, 1, y, x] = (pixel.Item1 - 127f) / 128f;
                input[0, 2, y, x] = (pixel.Item2 - 127f) / 128f;
            }
        }

        using var results = detector.Run([NamedOnnxValue.CreateFromTensor(detector.InputNames[0], input)]);
        var scores = results.First(r => r.Name == "scores").AsTensor<float>();
        var best = 0f;
        for (var i = 0; i < scores.Dimensions[1]; i++)
        {
            best = Math.Max(best, scores[0, i, 1]);
        }

        return best;
    }
}
