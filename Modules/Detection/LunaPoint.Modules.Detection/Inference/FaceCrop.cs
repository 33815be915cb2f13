using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>Square crops around a point, by one affine warp, so a region running off the frame keeps its shape.</summary>
internal static class FaceCrop
{
    /// <summary>A <paramref name="side"/>x<paramref name="side"/> crop of the square of side <paramref name="size"/> centred on <paramref name="centre"/>.</summary>
    /// <param name="border">Constant (black) or Replicate for what lies beyond the frame.</param>
    public static Mat Square(Mat image, Point2f centre, float size, int side, BorderTypes border)
    {
        var scale = side / (double)size;
        using var transform = Mat.FromArray(new double[,]
        {
            { scale, 0, side / 2.0 - centre.X * scale },
            { 0, scale, side / 2.0 - centre.Y * scale },
        });
        return image.WarpAffine(transform, new Size(side, side), InterpolationFlags.Linear, border);
    }

    public static Point2f Centre(Rect2f box) => new(box.X + box.Width / 2, box.Y + box.Height / 2);

    /// <summary>Whether the square of side <paramref name="size"/> around <paramref name="centre"/> lies within the image, give or take <paramref name="slack"/> of its side.</summary>
    public static bool Inside(Size image, Point2f centre, float size, float slack = 0)
    {
        var half = size / 2 - size * slack;
        return centre.X - half >= 0 && centre.Y - half >= 0 && centre.X + half <= image.Width && centre.Y + half <= image.Height;
    }
}
