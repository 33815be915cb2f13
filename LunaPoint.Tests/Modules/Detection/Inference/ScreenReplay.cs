using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>
/// A replay attack made from a real photo (the test media have none): the photo as a phone shows it to
/// the camera. It fills 60% of the frame inside a dark bezel, on a gray wall; the screen's gamma and blue
/// cast, its pixel grid, a glare spot, the camera's blur and JPEG on top.
/// </summary>
internal static class ScreenReplay
{
    public static Mat Make(Mat photo)
    {
        var (w, h) = (photo.Width, photo.Height);
        using var shown = photo.Resize(new Size(w * 6 / 10, h * 6 / 10), 0, 0, InterpolationFlags.Area);
        using var light = new Mat();
        shown.ConvertTo(light, MatType.CV_32FC3, 1 / 255.0);
        Cv2.Pow(light, 1.25, light);
        var (rows, cols) = (light.Rows, light.Cols);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < cols; x++)
            {
                ref var pixel = ref light.At<Vec3f>(y, x);
                var grid = 0.88 + 0.12 * Math.Abs(Math.Sin(x * 2.2)) * Math.Abs(Math.Sin(y * 2.2));
                var glare = 0.25 * Math.Exp(-(Math.Pow(x - cols * 0.7, 2) + Math.Pow(y - rows * 0.3, 2)) / (2 * Math.Pow(cols * 0.25, 2)));
                pixel = new Vec3f(
                    (float)Math.Min(1, pixel.Item0 * grid * 1.05 + glare),
                    (float)Math.Min(1, pixel.Item1 * grid + glare),
                    (float)Math.Min(1, pixel.Item2 * grid * 0.92 + glare));
            }
        }

        using var frame = new Mat(photo.Size(), MatType.CV_8UC3, new OpenCvSharp.Scalar(90, 100, 110));
        using var screen = new Mat();
        light.ConvertTo(screen, MatType.CV_8UC3, 255);
        var (left, top) = ((w - screen.Width) / 2, (h - screen.Height) / 2);
        Cv2.Rectangle(frame, new Rect(left - w / 25, top - h / 12, screen.Width + 2 * w / 25, screen.Height + h / 6), new OpenCvSharp.Scalar(20, 20, 22), -1);
        using (var area = new Mat(frame, new Rect(left, top, screen.Width, screen.Height)))
        {
            screen.CopyTo(area);
        }

        Cv2.GaussianBlur(frame, frame, new Size(3, 3), 0.8);
        return FacePipeline.Reencode(frame, 85);
    }
}
