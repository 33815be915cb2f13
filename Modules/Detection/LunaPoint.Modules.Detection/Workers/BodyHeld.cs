using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>A body track's best view so far: the crop with a small margin (encoded once, when first wanted).</summary>
internal sealed class BodyHeld(Mat crop, Rect2f box, float score, double quality, DateTimeOffset capturedAt, int frameWidth, int frameHeight) : IDisposable
{
    /// <summary>Of the body's height, each side: enough to show the whole person, little of the neighbours.</summary>
    public const float Margin = 0.1f;

    private byte[]? _jpeg;

    public Rect2f Box => box;
    public float Score => score;
    public double Quality => quality;
    public DateTimeOffset CapturedAt => capturedAt;
    public int FrameWidth => frameWidth;
    public int FrameHeight => frameHeight;

    public byte[] Jpeg => _jpeg ??= crop.ImEncode(".jpg", BestShotEmitter.JpegQuality);

    public static BodyHeld Take(Mat frame, Rect2f box, float score, double quality, DateTimeOffset capturedAt)
    {
        var margin = box.Height * Margin;
        var x1 = (int)Math.Clamp(box.X - margin, 0, frame.Width - 1);
        var y1 = (int)Math.Clamp(box.Y - margin, 0, frame.Height - 1);
        var x2 = (int)Math.Clamp(box.X + box.Width + margin, x1 + 1, frame.Width);
        var y2 = (int)Math.Clamp(box.Y + box.Height + margin, y1 + 1, frame.Height);
        using var view = new Mat(frame, new Rect(x1, y1, x2 - x1, y2 - y1));
        return new BodyHeld(view.Clone(), box, score, quality, capturedAt, frame.Width, frame.Height);
    }

    public void Dispose() => crop.Dispose();
}
