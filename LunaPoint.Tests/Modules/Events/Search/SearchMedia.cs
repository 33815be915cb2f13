using LunaPoint.Tests.Infrastructure;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Events.Search;

/// <summary>Real test photos and variants of them: flipped, scaled, re-encoded, and lbp_yale.jpg's four lightings cut apart.</summary>
internal static class SearchMedia
{
    /// <summary>Five different people, one face each (checked below 0.5 cosine pairwise in FaceDescriptorTests).</summary>
    public static readonly string[] People = ["astronaut.png", "faceDetection.png", "face_swapped.jpg", "julia_facedetect_sample.jpg", "lbp_yale.jpg"];

    public static byte[] File(string name) => System.IO.File.ReadAllBytes(RepoPaths.Media(name));

    public static byte[] Jpeg(string name, int quality = 90)
    {
        using var image = Cv2.ImRead(RepoPaths.Media(name));
        return Encode(image, ".jpg", quality);
    }

    public static byte[] Flipped(string name)
    {
        using var image = Cv2.ImRead(RepoPaths.Media(name));
        using var flipped = image.Flip(FlipMode.Y);
        return Encode(flipped, ".png");
    }

    public static byte[] Scaled(string name, double factor)
    {
        using var image = Cv2.ImRead(RepoPaths.Media(name));
        using var scaled = image.Resize(new Size(0, 0), factor, factor, InterpolationFlags.Area);
        return Encode(scaled, ".png");
    }

    /// <summary>
    /// lbp_yale.jpg's top row holds one person under four lightings side by side (faces near x 10, 170, 335,
    /// 505; the bottom row is their LBP pictures, which confuse the detector, so only the top 190 rows are
    /// kept). Measured: lightings 0-2 at cosine 0.93-0.97 to each other, the dark fourth at 0.63-0.70.
    /// </summary>
    public static byte[] YaleLighting(int index)
    {
        using var image = Cv2.ImRead(RepoPaths.Media("lbp_yale.jpg"));
        var width = image.Cols / 4;
        using var part = new Mat(image, new Rect(index * width, 0, width, 190));
        // Padded so the face is not cut by the image's edge.
        using var padded = new Mat();
        Cv2.CopyMakeBorder(part, padded, 40, 40, 40, 40, BorderTypes.Constant, OpenCvSharp.Scalar.All(128));
        return Encode(padded, ".png");
    }

    /// <summary>The lower half of messi5.jpg: a real photo with no face.</summary>
    public static byte[] NoFace()
    {
        using var image = Cv2.ImRead(RepoPaths.Media("messi5.jpg"));
        using var lower = new Mat(image, new Rect(0, image.Rows / 2, image.Cols, image.Rows / 2));
        return Encode(lower, ".png");
    }

    private static byte[] Encode(Mat image, string extension, int quality = 90)
    {
        Cv2.ImEncode(extension, image, out var bytes, extension == ".jpg" ? [new ImageEncodingParam(ImwriteFlags.JpegQuality, quality)] : []);
        return bytes;
    }
}
