using LunaPoint.Modules.Detection.FaceModels;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection;

/// <summary>
/// The models the host loaded at start are the real ones and run: fr_detect finds the face in a real
/// photo, where it is, and finds none in a part of the same photo that holds no face.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class FaceDetectorSmokeTests(SqliteHostFixture fixture)
{
    private const float FaceScore = 0.65f;

    [Fact]
    public void LoadedDetector_FindsTheFaceInARealPhoto_InItsUpperHalf()
    {
        using var photo = Load("messi5.jpg");

        var (score, centre) = BestFace(Detector, photo);

        Assert.True(score >= FaceScore, $"best face score {score:0.000} on messi5.jpg, expected >= {FaceScore}");
        // The player stands upright: his face is in the upper half of the photo, not on the grass.
        Assert.True(centre.Y < 0.5, $"best face centred at {centre.X:0.00},{centre.Y:0.00} of the photo");
    }

    [Fact]
    public void LoadedDetector_FindsNoFaceWhereThePhotoHasNone()
    {
        using var photo = Load("messi5.jpg");
        var (_, centre) = BestFace(Detector, photo);
        // The half of the photo away from the face: legs, ball and pitch.
        var faceInUpperHalf = centre.Y < 0.5;
        using var noFace = new Mat(photo, faceInUpperHalf ? new Rect(0, photo.Rows / 2, photo.Cols, photo.Rows / 2) : new Rect(0, 0, photo.Cols, photo.Rows / 2));

        var (score, _) = BestFace(Detector, noFace);

        Assert.True(score < FaceScore, $"best face score {score:0.000} on the face-free half of messi5.jpg");
    }

    private InferenceSession Detector => fixture.Factory.Services.GetRequiredService<FaceModelStore>()["fr_detect"];

    private static Mat Load(string fileName)
    {
        var path = RepoPaths.Media(fileName);
        var image = Cv2.ImRead(path, ImreadModes.Color);
        Assert.False(image.Empty(), $"{path} could not be decoded");
        return image;
    }

    /// <summary>
    /// fr_detect: RGB 320x240, (p - 127) / 128, NCHW; scores [1, N, 2] already softmaxed, boxes [1, N, 4]
    /// already decoded to normalised corners. Returns the best score and the centre of its box (0..1).
    /// </summary>
    private static (float Score, Point2f Centre) BestFace(InferenceSession detector, Mat image)
    {
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
        var boxes = results.First(r => r.Name == "boxes").AsTensor<float>();
        var best = 0f;
        var centre = new Point2f(float.NaN, float.NaN);
        for (var i = 0; i < scores.Dimensions[1]; i++)
        {
            if (scores[0, i, 1] > best)
            {
                best = scores[0, i, 1];
                centre = new Point2f((boxes[0, i, 0] + boxes[0, i, 2]) / 2, (boxes[0, i, 1] + boxes[0, i, 3]) / 2);
            }
        }

        return (best, centre);
    }
}
