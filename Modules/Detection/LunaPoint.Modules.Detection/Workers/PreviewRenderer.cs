using LunaPoint.Modules.Detection.Tracking;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>Draws the tracks (box and short id; bodies in magenta) and the region of interest on a copy of the frame, as a JPEG at most 960 px wide.</summary>
internal static class PreviewRenderer
{
    private const int MaxWidth = 960;
    private static readonly int[] Quality = [(int)ImwriteFlags.JpegQuality, 75];

    private static readonly Scalar BodyColor = new(220, 0, 220);

    public static byte[] Render(Mat frame, IReadOnlyList<TrackSnapshot> tracks, Point[]? region, IReadOnlyList<TrackSnapshot>? bodies = null)
    {
        var scale = frame.Width > MaxWidth ? MaxWidth / (double)frame.Width : 1.0;
        using var canvas = scale < 1 ? frame.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Area) : frame.Clone();
        if (region is not null)
        {
            Cv2.Polylines(canvas, [region.Select(p => new Point(p.X * scale, p.Y * scale)).ToArray()], true, new Scalar(255, 200, 0), 2);
        }

        foreach (var body in bodies ?? [])
        {
            Draw(canvas, body, scale, BodyColor);
        }

        foreach (var track in tracks)
        {
            Draw(canvas, track, scale, track.Detection is null ? new Scalar(0, 200, 255) : new Scalar(0, 220, 0));
        }

        return canvas.ImEncode(".jpg", Quality);
    }

    private static void Draw(Mat canvas, TrackSnapshot track, double scale, Scalar color)
    {
        var box = new Rect((int)(track.Box.X * scale), (int)(track.Box.Y * scale), (int)(track.Box.Width * scale), (int)(track.Box.Height * scale));
        Cv2.Rectangle(canvas, box, color, 2);
        Cv2.PutText(canvas, track.Id.ToString("N")[^6..], new Point(box.X, Math.Max(12, box.Y - 4)), HersheyFonts.HersheySimplex, 0.5, color, 1, LineTypes.AntiAlias);
    }
}
