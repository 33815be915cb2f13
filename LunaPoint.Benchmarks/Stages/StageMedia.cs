using OpenCvSharp;

namespace LunaPoint.Benchmarks.Stages;

/// <summary>Frames made from the test photos: faces of about 100, 55 and 25 px on a 1280x720 gray frame, and the same at 1920x1080.</summary>
internal static class StageMedia
{
    public static Mat Frame720(string mediaDir)
    {
        var frame = new Mat(720, 1280, MatType.CV_8UC3, new Scalar(110, 120, 125));
        using var astronaut = Cv2.ImRead(Path.Combine(mediaDir, "astronaut.png"));
        using var facereg = Cv2.ImRead(Path.Combine(mediaDir, "facereg.jpg"));
        using var small = astronaut.Resize(new Size(0, 0), 0.25, 0.25, InterpolationFlags.Area);
        astronaut.CopyTo(new Mat(frame, new Rect(80, 100, astronaut.Cols, astronaut.Rows)));
        facereg.CopyTo(new Mat(frame, new Rect(760, 320, facereg.Cols, facereg.Rows)));
        small.CopyTo(new Mat(frame, new Rect(1050, 60, small.Cols, small.Rows)));
        return frame;
    }
}
