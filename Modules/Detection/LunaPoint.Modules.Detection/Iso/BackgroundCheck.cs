using LunaPoint.Modules.Detection.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>
/// Background uniformity: the standard deviation of the luminance (0..1) of the image above the chin line,
/// outside the head with its hair (the face box widened to <see cref="IsoOptions.HairWidthPerFaceBox"/> and
/// raised by <see cref="IsoOptions.HairHeightPerFaceBox"/>). Shoulders and body are below the chin and left out.
/// A tight crop leaves too little of it: then the check is not measured.
/// </summary>
internal static class BackgroundCheck
{
    public const string Name = "backgroundUniformity";

    public static IsoCheck Of(Mat image, Rect2f box, IsoOptions o)
    {
        var chin = (int)Math.Clamp(Math.Round(box.Bottom), 0, image.Rows);
        using var mask = new Mat(image.Rows, image.Cols, MatType.CV_8UC1, Scalar.All(0));
        if (chin > 0)
        {
            mask[new Rect(0, 0, image.Cols, chin)].SetTo(Scalar.All(255));
        }

        var hairWidth = box.Width * o.HairWidthPerFaceBox;
        var hairTop = box.Y - box.Height * o.HairHeightPerFaceBox;
        var head = new Rect(
            (int)Math.Floor(box.X + box.Width / 2 - hairWidth / 2), (int)Math.Floor(hairTop),
            (int)Math.Ceiling(hairWidth), (int)Math.Ceiling(box.Bottom - hairTop)) & new Rect(0, 0, image.Cols, image.Rows);
        if (head.Width > 0 && head.Height > 0)
        {
            mask[head].SetTo(Scalar.All(0));
        }

        var pixels = Cv2.CountNonZero(mask);
        var share = image.Empty() ? 0 : pixels / (double)(image.Rows * image.Cols);
        if (share < o.MinBackgroundShare || pixels < 2)
        {
            return IsoChecks.Unmeasured(Name, 0, o.MaxBackgroundDeviation, $"too little background beside and above the head ({share:P1} of the image)");
        }

        using var gray = image.Channels() == 1 ? image.Clone() : image.CvtColor(ColorConversionCodes.BGR2GRAY);
        Cv2.MeanStdDev(gray, out _, out var deviation, mask);
        return IsoChecks.Within(Name, deviation.Val0 / 255, 0, o.MaxBackgroundDeviation, $"{share:P1} of the image is background");
    }
}
