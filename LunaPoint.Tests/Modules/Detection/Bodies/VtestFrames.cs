using LunaPoint.Modules.Detection.Bodies;
using LunaPoint.Modules.Detection.Tracking;
using LunaPoint.Tests.Infrastructure;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Bodies;

/// <summary>Frames of vtest.avi (768x576, people walking across a car park) and box matching.</summary>
internal static class VtestFrames
{
    public static Mat Read(int index)
    {
        using var capture = new VideoCapture(RepoPaths.Media("vtest.avi"));
        Assert.True(capture.IsOpened(), "vtest.avi does not open");
        capture.Set(VideoCaptureProperties.PosFrames, index);
        var frame = new Mat();
        Assert.True(capture.Read(frame) && !frame.Empty(), $"frame {index} of vtest.avi cannot be read");
        return frame;
    }

    /// <summary>The detection that overlaps <paramref name="expected"/> most, and that overlap.</summary>
    public static (BodyCandidate? Match, float IoU) Best(IReadOnlyList<BodyCandidate> found, Rect2f expected)
    {
        var best = found.MaxBy(c => BoxGeometry.IoU(c.Box, expected));
        return (best, best is null ? 0 : BoxGeometry.IoU(best.Box, expected));
    }

    public static string Describe(IReadOnlyList<BodyCandidate> found) =>
        string.Join("; ", found.Select(c => $"({c.Box.X:F0},{c.Box.Y:F0},{c.Box.Width:F0},{c.Box.Height:F0}) {c.Score:F2}"));
}
