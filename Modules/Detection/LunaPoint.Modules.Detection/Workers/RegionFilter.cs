using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Streams.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// settings.roi and settings.minFaceSize: a face counts when its box is at least minFaceSize pixels on its
/// shorter side and its centre lies inside the region (a rectangle or polygon in 0..1 frame coordinates).
/// </summary>
internal sealed class RegionFilter(RegionOfInterest? roi, int minFaceSize)
{
    public IReadOnlyList<FaceCandidate> Apply(IReadOnlyList<FaceCandidate> faces, int frameWidth, int frameHeight) =>
        faces.Where(f => Math.Min(f.Box.Width, f.Box.Height) >= minFaceSize
                         && Contains((f.Box.X + (f.Box.Width / 2)) / frameWidth, (f.Box.Y + (f.Box.Height / 2)) / frameHeight)).ToList();

    public bool Contains(double x, double y)
    {
        if (roi is null)
        {
            return true;
        }

        if (roi.Points is { Count: >= 3 } points)
        {
            return InPolygon(points, x, y);
        }

        return x >= roi.X && y >= roi.Y && x <= roi.X + roi.Width && y <= roi.Y + roi.Height;
    }

    /// <summary>The region in frame pixels, for drawing it on the preview.</summary>
    public Point[]? Outline(int frameWidth, int frameHeight)
    {
        if (roi is null)
        {
            return null;
        }

        var points = roi.Points is { Count: >= 3 } p
            ? p.Select(q => (q.X, q.Y))
            : [(roi.X ?? 0, roi.Y ?? 0), ((roi.X ?? 0) + (roi.Width ?? 1), roi.Y ?? 0), ((roi.X ?? 0) + (roi.Width ?? 1), (roi.Y ?? 0) + (roi.Height ?? 1)), (roi.X ?? 0, (roi.Y ?? 0) + (roi.Height ?? 1))];
        return points.Select(q => new Point(q.Item1 * frameWidth, q.Item2 * frameHeight)).ToArray();
    }

    // Even-odd ray casting.
    private static bool InPolygon(IReadOnlyList<RoiPoint> p, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = p.Count - 1; i < p.Count; j = i++)
        {
            if ((p[i].Y > y) != (p[j].Y > y) && x < ((p[j].X - p[i].X) * (y - p[i].Y) / (p[j].Y - p[i].Y)) + p[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
