using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// fr_landmark: the detection box, gray, scaled to 64x64, pixels / 256 ((p - 127) / 128 collapses the
/// points to the middle); output [1,136] = 68 (x, y) pairs in the iBUG 300-W order, each relative to
/// the box (0..1, slightly beyond for a chin below the box).
/// </summary>
internal sealed class LandmarkModel(ModelRunner runner)
{
    public ModelRunner Runner => runner;

    public const int Side = 64;

    public async ValueTask<FaceLandmarks> RunAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        using var crop = Crop(bgr, box);
        var relative = await runner.RunAsync(crop, Fill, static (_, outputs) => outputs[0].GetTensorDataAsSpan<float>().ToArray(), cancellationToken);
        var points = new Point2f[68];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new Point2f(box.X + relative[2 * i] * box.Width, box.Y + relative[2 * i + 1] * box.Height);
        }

        return new FaceLandmarks(points, FivePoints(points));
    }

    /// <summary>
    /// Left eye, right eye (as seen in the image: left is the person's right), nose tip, left and right
    /// mouth corner; the eyes are the means of their six contour points (36-41, 42-47).
    /// </summary>
    internal static Point2f[] FivePoints(Point2f[] points) =>
        [Mean(points, 36, 6), Mean(points, 42, 6), points[30], points[48], points[54]];

    private static Point2f Mean(Point2f[] points, int start, int count)
    {
        float x = 0, y = 0;
        for (var i = start; i < start + count; i++)
        {
            x += points[i].X;
            y += points[i].Y;
        }

        return new Point2f(x / count, y / count);
    }

    // A warp rather than a sub-matrix: a box running off the frame keeps its shape (edges replicated),
    // so the points map back through the same box.
    private static Mat Crop(Mat bgr, Rect2f box)
    {
        FaceCrop.RequireUsable(box);
        using var gray = bgr.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var transform = Mat.FromArray(new double[,]
        {
            { Side / box.Width, 0, -box.X * Side / box.Width },
            { 0, Side / box.Height, -box.Y * Side / box.Height },
        });
        return gray.WarpAffine(transform, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Replicate);
    }

    private static void Fill(Mat crop, Span<float> input) => Planar.Fill(crop, input, mean: 0, scale: 1 / 256f, rgb: false);
}
