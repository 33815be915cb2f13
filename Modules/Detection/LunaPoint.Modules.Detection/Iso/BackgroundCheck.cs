using LunaPoint.Modules.Detection.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// Background uniformity: the standard deviation of the luminance (0..1) of the image above the chin line,
/// outside the head with its hair (the face box widened to <see cref="IsoOptions.HairWidthPerFaceBox"/> and
/// raised by <see cref="IsoOptions.HairHeightPerFaceBox"/>). Shoulders and body are below the chin and left out.
/// Looked for within <see cref="Reach"/> face boxes of the face. A tight crop leaves too little of it: then the check is not measured.
/// </summary>
internal static class BackgroundCheck
{
    public const string Name = "backgroundUniformity";

    /// <summary>How far beside and above the face box (in box sizes) background is looked for: all of a portrait, a bounded patch of a large photo.</summary>
    public const float Reach = 1.5f;

    public static IsoCheck Of(Mat image, Rect2f box, IsoOptions o)
    {
        // Only the rows above the chin can be background, and only near the face: the region, its mask and
        // its gray copy are bounded by the face's size, so a photo of many faces costs about one image in
        // all, not one image per face. A portrait (head half the image's width or more) lies wholly inside.
        var chin = (int)Math.Clamp(Math.Round(box.Bottom), 0, image.Rows);
        var left = (int)Math.Clamp(Math.Floor(box.X - box.Width * Reach), 0, image.Cols);
        var right = (int)Math.Clamp(Math.Ceiling(box.Right + box.Width * Reach), left, image.Cols);
        var top = (int)Math.Clamp(Math.Floor(box.Y - box.Height * Reach), 0, chin);
        var region = new Rect(left, top, right - left, chin - top);
        if (region.Width < 1 || region.Height < 1 || !float.IsFinite(box.Width) || !float.IsFinite(box.Height))
        {
            return IsoChecks.Unmeasured(Name, 0, o.MaxBackgroundDeviation, "too little background beside and above the head (0.0% of the image)");
        }

        using var mask = new Mat(region.Height, region.Width, MatType.CV_8UC1, Scalar.All(255));
        var hairWidth = box.Width * o.HairWidthPerFaceBox;
        var hairTop = box.Y - box.Height * o.HairHeightPerFaceBox;
        var head = new Rect(
            (int)Math.Floor(box.X + box.Width / 2 - hairWidth / 2) - region.X, (int)Math.Floor(hairTop) - region.Y,
            (int)Math.Ceiling(hairWidth), (int)Math.Ceiling(box.Bottom - hairTop)) & new Rect(0, 0, mask.Cols, mask.Rows);
        if (head.Width > 0 && head.Height > 0)
        {
            mask[head].SetTo(Scalar.All(0));
        }

        var pixels = Cv2.CountNonZero(mask);
        var share = pixels / (double)(image.Rows * image.Cols);
        if (share < o.MinBackgroundShare || pixels < 2)
        {
            return IsoChecks.Unmeasured(Name, 0, o.MaxBackgroundDeviation, $"too little background beside and above the head ({share:P1} of the image)");
        }

        using var patch = new Mat(image, region);
        using var gray = patch.Channels() == 1 ? patch.Clone() : patch.CvtColor(ColorConversionCodes.BGR2GRAY);
        Cv2.MeanStdDev(gray, out _, out var deviation, mask);
        return IsoChecks.Within(Name, deviation.Val0 / 255, 0, o.MaxBackgroundDeviation, $"{share:P1} of the image is background");
    }
}
