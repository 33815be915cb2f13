using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// The best view of a track so far, kept as small crops rather than the whole frame: the aligned face
/// (descriptor and face JPEG) and the face with a margin (context JPEG).
/// </summary>
internal sealed class HeldShot(Mat aligned, Mat context, Rect2f box, Point2f[] landmarks, double quality, DateTimeOffset capturedAt, int frameWidth, int frameHeight) : IDisposable
{
    public Mat Aligned => aligned;
    public Mat Context => context;
    public Rect2f Box => box;
    public Point2f[] Landmarks => landmarks;
    public double Quality => quality;
    public DateTimeOffset CapturedAt => capturedAt;
    public int FrameWidth => frameWidth;
    public int FrameHeight => frameHeight;

    /// <summary>The face with half its size again around it on each side, clipped to the frame.</summary>
    public static Mat CropContext(Mat frame, Rect2f box)
    {
        var margin = Math.Max(box.Width, box.Height) * 0.5f;
        var x1 = (int)Math.Clamp(box.X - margin, 0, frame.Width - 1);
        var y1 = (int)Math.Clamp(box.Y - margin, 0, frame.Height - 1);
        var x2 = (int)Math.Clamp(box.X + box.Width + margin, x1 + 1, frame.Width);
        var y2 = (int)Math.Clamp(box.Y + box.Height + margin, y1 + 1, frame.Height);
        using var view = new Mat(frame, new Rect(x1, y1, x2 - x1, y2 - y1));
        return view.Clone();
    }

    public void Dispose()
    {
        aligned.Dispose();
        context.Dispose();
    }
}
