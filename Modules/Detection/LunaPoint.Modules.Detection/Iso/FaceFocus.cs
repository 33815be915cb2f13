using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// Sharpness as focus alone: <see cref="FaceSharpness"/> of the face after its luminance is stretched to a
/// standard deviation of <see cref="ReferenceDeviation"/> grey levels. The plain measure scales with contrast
/// (a face darkened to 35% of its light keeps 12% of its Laplacian variance), so without this an
/// under-exposed face would also fail as blurred; here darkening leaves the value about where it was and
/// blur still drags it down. A face with no contrast at all (deviation under 2 levels) reads 0. The stretch
/// saturates at 0 and 255 (the Laplacian needs 8-bit input here), which touches only the outer tails.
/// </summary>
internal static class FaceFocus
{
    public const double ReferenceDeviation = 50;
    private const double Flat = 2;

    public static double Measure(Mat bgr, Rect2f box)
    {
        using var gray = FaceSharpness.GrayRegion(bgr, box);
        if (gray is null)
        {
            return 0;
        }

        Cv2.MeanStdDev(gray, out var mean, out var deviation);
        if (deviation.Val0 < Flat)
        {
            return 0;
        }

        var gain = ReferenceDeviation / deviation.Val0;
        using var stretched = new Mat();
        gray.ConvertTo(stretched, MatType.CV_8U, gain, 128 - mean.Val0 * gain);
        return FaceSharpness.OfGray(stretched);
    }
}
