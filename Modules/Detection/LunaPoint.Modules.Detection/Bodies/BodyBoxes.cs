using LunaPoint.Modules.Detection.Tracking;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Bodies;

/// <summary>What every body detector does last: threshold, NMS, clip to the frame, drop boxes too short.</summary>
internal static class BodyBoxes
{
    public const float NmsIoU = 0.45f;

    public static IReadOnlyList<BodyCandidate> Finish(List<BodyCandidate> candidates, int width, int height, BodyDetectOptions options)
    {
        candidates.RemoveAll(c => c.Score < options.Threshold);
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<BodyCandidate>();
        foreach (var candidate in candidates)
        {
            var box = Clip(candidate.Box, width, height);
            if (box.Height >= options.MinBodyHeight && box.Width >= 1 && !kept.Exists(k => BoxGeometry.IoU(k.Box, box) > NmsIoU))
            {
                kept.Add(candidate with { Box = box });
            }
        }

        return kept;
    }

    private static Rect2f Clip(Rect2f box, int width, int height)
    {
        var x1 = Math.Clamp(box.Left, 0, width);
        var y1 = Math.Clamp(box.Top, 0, height);
        var x2 = Math.Clamp(box.Right, 0, width);
        var y2 = Math.Clamp(box.Bottom, 0, height);
        return new Rect2f(x1, y1, x2 - x1, y2 - y1);
    }
}
