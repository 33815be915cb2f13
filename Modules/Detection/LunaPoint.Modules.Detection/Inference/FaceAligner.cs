using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// The similarity transform (scale, rotation, shift: 4 degrees of freedom) that best maps the five points
/// onto fr_feature's 112x112 reference in the least-squares sense (Umeyama without reflection).
/// </summary>
internal static class FaceAligner
{
    public const int Side = 112;

    public static readonly Point2f[] Reference =
    [
        new(38.29f, 51.70f), new(73.53f, 51.50f), new(56.03f, 71.74f), new(41.55f, 92.37f), new(70.73f, 92.20f),
    ];

    public static Mat Align(Mat bgr, Point2f[] points5)
    {
        using var transform = Similarity(points5, Reference);
        return bgr.WarpAffine(transform, new Size(Side, Side), InterpolationFlags.Linear, BorderTypes.Replicate);
    }

    /// <summary>2x3 matrix [a -b tx; b a ty] minimising the squared distance from the mapped source to the target points.</summary>
    internal static Mat Similarity(Point2f[] source, Point2f[] target)
    {
        double sx = 0, sy = 0, tx = 0, ty = 0;
        var n = source.Length;
        for (var i = 0; i < n; i++)
        {
            sx += source[i].X;
            sy += source[i].Y;
            tx += target[i].X;
            ty += target[i].Y;
        }

        (sx, sy, tx, ty) = (sx / n, sy / n, tx / n, ty / n);
        double dot = 0, cross = 0, norm = 0;
        for (var i = 0; i < n; i++)
        {
            var (px, py) = (source[i].X - sx, source[i].Y - sy);
            var (qx, qy) = (target[i].X - tx, target[i].Y - ty);
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }

        var a = norm > 0 ? dot / norm : 1;
        var b = norm > 0 ? cross / norm : 0;
        return Mat.FromArray(new double[,]
        {
            { a, -b, tx - (a * sx - b * sy) },
            { b, a, ty - (b * sx + a * sy) },
        });
    }
}
