using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>Square crops around a point, by one affine warp, so a region running off the frame keeps its shape.</summary>
internal static class FaceCrop
{
    /// <summary>A <paramref name="side"/>x<paramref name="side"/> crop of the square of side <paramref name="size"/> centred on <paramref name="centre"/>.</summary>
    /// <param name="border">Constant (black) or Replicate for what lies beyond the frame.</param>
    public static Mat Square(Mat image, Point2f centre, float size, int side, BorderTypes border)
    {
        if (!(size >= 1) || !float.IsFinite(size) || !float.IsFinite(centre.X) || !float.IsFinite(centre.Y))
        {
            throw new ArgumentException($"A square of side {size} about {centre} has no area to crop.", nameof(size));
        }

        var scale = side / (double)size;
        using var transform = Mat.FromArray(new double[,]
        {
            { scale, 0, side / 2.0 - centre.X * scale },
            { 0, scale, side / 2.0 - centre.Y * scale },
        });
        return image.WarpAffine(transform, new Size(side, side), InterpolationFlags.Linear, border);
    }

    /// <summary>The box widened <paramref name="widen"/> times in width and in height about its centre, squeezed to side x side (the face keeps the box's proportions in the model's eye).</summary>
    public static Mat Stretched(Mat image, Rect2f box, float widen, int side)
    {
        RequireUsable(box);
        var (w, h) = (box.Width * widen, box.Height * widen);
        var (x, y) = (box.X + box.Width / 2 - w / 2, box.Y + box.Height / 2 - h / 2);
        using var transform = Mat.FromArray(new double[,]
        {
            { side / w, 0, -x * side / w },
            { 0, side / h, -y * side / h },
        });
        return image.WarpAffine(transform, new Size(side, side), InterpolationFlags.Linear, BorderTypes.Replicate);
    }

    /// <summary>
    /// Whether a box can be cropped at all: finite and at least a pixel on each side. Every warp divides by
    /// the box's size, so a degenerate box would give infinite transforms and NaN estimates.
    /// </summary>
    public static bool Usable(Rect2f box) =>
        float.IsFinite(box.X) && float.IsFinite(box.Y) && float.IsFinite(box.Width) && float.IsFinite(box.Height)
        && box.Width >= 1 && box.Height >= 1;

    /// <summary>
    /// Where a span of <paramref name="length"/> starting at <paramref name="start"/> lies once slid back inside
    /// 0..<paramref name="limit"/>; a span as long as the axis or longer (float rounding makes "as long" a hair
    /// longer) is centred on it instead, since no start would keep it inside.
    /// </summary>
    public static float SlideInside(float start, float length, int limit) =>
        length >= limit ? (limit - length) / 2 : Math.Clamp(start, 0, limit - length);

    /// <exception cref="ArgumentException">The box is not <see cref="Usable"/>: refused here rather than warped through an infinite transform.</exception>
    public static void RequireUsable(Rect2f box)
    {
        if (!Usable(box))
        {
            throw new ArgumentException($"The face box {box} has no area to crop.", nameof(box));
        }
    }

    public static Point2f Centre(Rect2f box) => new(box.X + box.Width / 2, box.Y + box.Height / 2);

    /// <summary>Whether the square of side <paramref name="size"/> around <paramref name="centre"/> lies within the image, give or take <paramref name="slack"/> of its side.</summary>
    public static bool Inside(Size image, Point2f centre, float size, float slack = 0)
    {
        var half = size / 2 - size * slack;
        return centre.X - half >= 0 && centre.Y - half >= 0 && centre.X + half <= image.Width && centre.Y + half <= image.Height;
    }
}
