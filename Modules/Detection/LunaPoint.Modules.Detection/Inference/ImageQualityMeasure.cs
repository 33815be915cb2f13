using LunaPoint.Modules.Detection.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// Sharpness, brightness and exposure of a face region (no model). STUB (step-6 contract): the ISO
/// helper implements it.
/// </summary>
internal static class ImageQualityMeasure
{
    public static ImageQualityEstimate Measure(Mat bgr, Rect2f box) => throw new NotImplementedException();
}
