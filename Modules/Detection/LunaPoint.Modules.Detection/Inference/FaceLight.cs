using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// The luminance of a face box (gray, 0..1): its mean, the share of crushed (≤ <see cref="DarkLevel"/>) and
/// blown (≥ <see cref="BrightLevel"/>) pixels, and its dynamic range: the 1st to 99th percentile span in
/// grey levels (the extremes are left out so that a few specular or noise pixels do not make a flat face look
/// contrasty). Pixels is 0 when the box lies outside the image.
/// </summary>
internal sealed record FaceLight(int Pixels, double Mean, double Dark, double Bright, int Range)
{
    public const int DarkLevel = 5;
    public const int BrightLevel = 250;
    private const double Tail = 0.01;

    /// <summary>Share of the face crushed to black or blown to white.</summary>
    public double Clipped => Dark + Bright;

    public static FaceLight Measure(Mat bgr, Rect2f box)
    {
        var area = new Rect((int)box.X, (int)box.Y, (int)Math.Ceiling(box.Width), (int)Math.Ceiling(box.Height)) & new Rect(0, 0, bgr.Cols, bgr.Rows);
        if (area.Width < 1 || area.Height < 1)
        {
            return new FaceLight(0, 0, 0, 0, 0);
        }

        using var view = new Mat(bgr, area);
        using var gray = view.Channels() == 1 ? view.Clone() : view.CvtColor(ColorConversionCodes.BGR2GRAY);
        return FromGray(gray);
    }

    /// <summary>The same figures for any 8-bit gray region (the background check reuses them).</summary>
    public static FaceLight FromGray(Mat gray, Mat? mask = null)
    {
        using var hist = new Mat();
        using var everyPixel = new Mat(); // an empty mask counts the whole region
        Cv2.CalcHist([gray], [0], mask ?? everyPixel, hist, 1, [256], [new Rangef(0, 256)]);
        var counts = new double[256];
        double total = 0, sum = 0;
        for (var level = 0; level < 256; level++)
        {
            counts[level] = hist.At<float>(level);
            total += counts[level];
            sum += counts[level] * level;
        }

        if (total == 0)
        {
            return new FaceLight(0, 0, 0, 0, 0);
        }

        double dark = 0, bright = 0;
        for (var level = 0; level <= DarkLevel; level++)
        {
            dark += counts[level];
        }

        for (var level = BrightLevel; level < 256; level++)
        {
            bright += counts[level];
        }

        return new FaceLight((int)total, sum / total / 255, dark / total, bright / total, Percentile(counts, total, 1 - Tail) - Percentile(counts, total, Tail));
    }

    private static int Percentile(double[] counts, double total, double share)
    {
        double seen = 0;
        for (var level = 0; level < counts.Length; level++)
        {
            seen += counts[level];
            if (seen >= share * total)
            {
                return level;
            }
        }

        return counts.Length - 1;
    }
}
