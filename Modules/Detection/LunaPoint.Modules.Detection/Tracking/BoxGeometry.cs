using LunaPoint.Modules.Detection.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Tracking;

internal static class BoxGeometry
{
    /// <summary>The box in whole pixels as facts and webhooks carry it (truncated, like the JPEG crops).</summary>
    public static FaceBox ToFaceBox(Rect2f b) => new((int)b.X, (int)b.Y, (int)b.Width, (int)b.Height);

    public static float IoU(Rect2f a, Rect2f b)
    {
        var w = MathF.Min(a.X + a.Width, b.X + b.Width) - MathF.Max(a.X, b.X);
        var h = MathF.Min(a.Y + a.Height, b.Y + b.Height) - MathF.Max(a.Y, b.Y);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var overlap = w * h;
        return overlap / ((a.Width * a.Height) + (b.Width * b.Height) - overlap);
    }

    /// <summary>Distance between the centres, in widths of the wider box.</summary>
    public static float CentreDistanceInWidths(Rect2f a, Rect2f b)
    {
        var dx = (a.X + (a.Width / 2)) - (b.X + (b.Width / 2));
        var dy = (a.Y + (a.Height / 2)) - (b.Y + (b.Height / 2));
        return MathF.Sqrt((dx * dx) + (dy * dy)) / MathF.Max(MathF.Max(a.Width, b.Width), 1f);
    }

    /// <summary>Whether the box's centre lies inside the frame (past it, more than half the face is out of sight).</summary>
    public static bool CentreInside(Rect2f box, int width, int height)
    {
        var (cx, cy) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        return cx >= 0 && cy >= 0 && cx < width && cy < height;
    }

    /// <summary>Whether the box touches the frame's edge: a detector's box of an object cut by the edge ends on it, or within a pixel or two.</summary>
    public static bool TouchesEdge(Rect2f box, int width, int height, float margin = 2) =>
        box.X <= margin || box.Y <= margin || box.X + box.Width >= width - margin || box.Y + box.Height >= height - margin;
}
