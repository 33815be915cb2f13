using LunaPoint.Modules.Detection.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// Sharpness, brightness and exposure of a face region (no model). Sharpness is <see cref="FaceSharpness"/>;
/// brightness and exposure come from the luminance histogram of the face box (<see cref="FaceLight"/>).
/// Exposure = level x clipping: level is 1 while the mean luminance is within
/// <see cref="WellExposedLow"/>..<see cref="WellExposedHigh"/> and falls linearly to 0 at black or white;
/// clipping is 1 - clipped share / <see cref="ClippedAtZero"/> (0 once a fifth of the face is crushed or blown).
/// The bands are ours (ISO/IEC 19794-5 gives no number for exposure); how they were measured is in docs/iso-checks.md.
/// </summary>
internal static class ImageQualityMeasure
{
    public const double WellExposedLow = 0.25;
    public const double WellExposedHigh = 0.75;
    public const double ClippedAtZero = 0.2;

    public static ImageQualityEstimate Measure(Mat bgr, Rect2f box)
    {
        var light = FaceLight.Measure(bgr, box);
        return new ImageQualityEstimate(FaceSharpness.Measure(bgr, box), light.Mean, Exposure(light));
    }

    public static double Exposure(FaceLight light)
    {
        if (light.Pixels == 0)
        {
            return 0;
        }

        var level = light.Mean < WellExposedLow ? light.Mean / WellExposedLow
            : light.Mean > WellExposedHigh ? (1 - light.Mean) / (1 - WellExposedHigh)
            : 1;
        var clipping = 1 - Math.Min(1, light.Clipped / ClippedAtZero);
        return Math.Clamp(level, 0, 1) * clipping;
    }
}
