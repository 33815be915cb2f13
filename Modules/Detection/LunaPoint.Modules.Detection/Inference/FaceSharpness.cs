using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// Sharpness of a face: the variance of the Laplacian of the face region, gray, scaled to 64x64 first so
/// that a face's size does not change its score, mapped to 0..1 by v / (v + 400): 0.5 at a variance of
/// 400. Measured on astronaut.png: 0.71 sharp, 0.18 under a Gaussian blur of sigma 2 (docs/models.md).
/// </summary>
internal static class FaceSharpness
{
    public const double HalfAt = 400;
    private const int Side = 64;

    public static double Measure(Mat bgr, Rect2f box)
    {
        using var gray = GrayRegion(bgr, box);
        return gray is null ? 0 : OfGray(gray);
    }

    /// <summary>The face region in gray (a copy), or null when under 2x2 pixels of it lie in the image.</summary>
    internal static Mat? GrayRegion(Mat bgr, Rect2f box)
    {
        var area = new Rect((int)box.X, (int)box.Y, (int)Math.Ceiling(box.Width), (int)Math.Ceiling(box.Height)) & new Rect(0, 0, bgr.Cols, bgr.Rows);
        if (area.Width < 2 || area.Height < 2)
        {
            return null;
        }

        using var view = new Mat(bgr, area);
        return view.Channels() == 1 ? view.Clone() : view.CvtColor(ColorConversionCodes.BGR2GRAY);
    }

    /// <summary>The measure of a gray face region, 8-bit.</summary>
    internal static double OfGray(Mat gray)
    {
        using var scaled = gray.Resize(new Size(Side, Side), 0, 0, InterpolationFlags.Area);
        using var laplacian = scaled.Laplacian(MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var deviation);
        var variance = deviation.Val0 * deviation.Val0;
        return variance / (variance + HalfAt);
    }
}
