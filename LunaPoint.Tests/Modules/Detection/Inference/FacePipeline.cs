using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>What the stream worker and the photo API do per face, for the tests: the largest face, its points and descriptor.</summary>
internal static class FacePipeline
{
    public static async Task<FaceCandidate> LargestFaceAsync(FaceEngine engine, Mat image)
    {
        var faces = await engine.DetectAsync(image, new DetectOptions(), CancellationToken.None);
        Assert.NotEmpty(faces);
        return faces.MaxBy(f => f.Box.Width * f.Box.Height)!;
    }

    public static async Task<float[]> DescribeLargestAsync(FaceEngine engine, Mat image)
    {
        var face = await LargestFaceAsync(engine, image);
        var landmarks = await engine.LandmarksAsync(image, face.Box, CancellationToken.None);
        using var aligned = engine.Align(image, landmarks);
        return await engine.DescribeAsync(aligned, CancellationToken.None);
    }

    public static float Cosine(float[] a, float[] b)
    {
        float dot = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    public static Mat Reencode(Mat image, int quality)
    {
        Cv2.ImEncode(".jpg", image, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        return Cv2.ImDecode(jpeg, ImreadModes.Color);
    }
}
