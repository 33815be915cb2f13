using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>
/// A closed-eye version of a real photo (the test media have none): each eye's contour (landmarks 36-41,
/// 42-47), grown by half its width, is filled in from the skin around it (OpenCV inpainting,
/// Telea), then a dark lash line is drawn along the lower lid, where a closed lid's edge lies.
/// </summary>
internal static class ClosedEyes
{
    public static Mat Make(Mat image, FaceLandmarks landmarks)
    {
        var closed = new Mat();
        using var mask = new Mat(image.Size(), MatType.CV_8UC1, OpenCvSharp.Scalar.All(0));
        foreach (var start in new[] { 36, 42 })
        {
            var contour = landmarks.Points68.Skip(start).Take(6).Select(p => new Point((int)Math.Round(p.X), (int)Math.Round(p.Y))).ToArray();
            var width = contour.Max(p => p.X) - contour.Min(p => p.X);
            using var eye = new Mat(image.Size(), MatType.CV_8UC1, OpenCvSharp.Scalar.All(0));
            Cv2.FillConvexPoly(eye, Cv2.ConvexHull(contour), OpenCvSharp.Scalar.All(255));
            using var grow = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(Math.Max(3, width / 2), Math.Max(3, width / 2)));
            Cv2.Dilate(eye, eye, grow);
            Cv2.BitwiseOr(mask, eye, mask);
        }

        Cv2.Inpaint(image, mask, closed, 5, InpaintTypes.Telea);
        foreach (var start in new[] { 36, 42 })
        {
            var (outer, inner) = (landmarks.Points68[start], landmarks.Points68[start + 3]);
            var lowerLid = landmarks.Points68.Skip(start + 3).Take(3).Average(p => p.Y);
            var y = (outer.Y + inner.Y) / 2 * 0.4f + lowerLid * 0.6f;
            var width = inner.X - outer.X;
            Cv2.Ellipse(
                closed,
                new Point((outer.X + inner.X) / 2, y),
                new Size(width / 2, Math.Max(1, width / 8)),
                0, 0, 180, new OpenCvSharp.Scalar(40, 40, 50), Math.Max(1, (int)(width / 12)), LineTypes.AntiAlias);
        }

        return closed;
    }
}
