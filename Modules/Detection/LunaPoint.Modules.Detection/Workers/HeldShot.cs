using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Tracking;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// The best view of a track so far, kept as small crops rather than the whole frame: the aligned face
/// (descriptor and face JPEG) and the face with a margin (context JPEG, and what the estimates look at).
/// </summary>
/// <param name="origin">Where <paramref name="context"/>'s top-left corner lies in the frame.</param>
/// <param name="facesAround">Boxes (frame pixels) of the frame's faces overlapping the context crop, this one included (the ISO single-face check).</param>
internal sealed class HeldShot(
    Mat aligned, Mat context, Point origin, Rect2f box, Point2f[] landmarks, double quality, DateTimeOffset capturedAt, int frameWidth, int frameHeight,
    IReadOnlyList<Rect2f>? facesAround = null)
    : IDisposable
{
    private readonly IReadOnlyList<Rect2f> _facesAround = facesAround ?? [];

    public Mat Aligned => aligned;
    public Mat Context => context;
    public Rect2f Box => box;
    public Point2f[] Landmarks => landmarks;
    public double Quality => quality;
    public DateTimeOffset CapturedAt => capturedAt;
    public int FrameWidth => frameWidth;
    public int FrameHeight => frameHeight;
    public int FacesInContext => Math.Max(1, _facesAround.Count);

    /// <summary>Where <see cref="Context"/>'s top-left corner lies in the frame.</summary>
    public Point Origin => origin;

    /// <summary>Faces of the frame overlapping <paramref name="area"/> (frame pixels), at least this one.</summary>
    public int FacesIn(Rect area)
    {
        var within = new Rect2f(area.X, area.Y, area.Width, area.Height);
        return Math.Max(1, _facesAround.Count(f => BoxGeometry.IoU(f, within) > 0));
    }

    /// <summary>The face's box in <see cref="Context"/>'s pixels.</summary>
    public Rect2f BoxInContext => new(box.X - origin.X, box.Y - origin.Y, box.Width, box.Height);

    /// <summary>The five points in <see cref="Context"/>'s pixels.</summary>
    public Point2f[] LandmarksInContext => [.. landmarks.Select(p => new Point2f(p.X - origin.X, p.Y - origin.Y))];

    /// <summary>Estimates already made of this very view (a first shot held until the final is estimated once), with what was asked.</summary>
    public (FaceEstimateKinds Kinds, FaceEstimates Estimates)? Estimated { get; set; }

    /// <summary>The face with <see cref="FaceEstimator.ContextMargin"/> times its size around it on each side, clipped to the frame.</summary>
    public static (Mat Crop, Point Origin) CropContext(Mat frame, Rect2f box)
    {
        var crop = ContextRect(box, frame.Width, frame.Height);
        using var view = new Mat(frame, crop);
        return (view.Clone(), crop.Location);
    }

    public static Rect ContextRect(Rect2f box, int width, int height)
    {
        var margin = Math.Max(box.Width, box.Height) * FaceEstimator.ContextMargin;
        var x1 = (int)Math.Clamp(box.X - margin, 0, width - 1);
        var y1 = (int)Math.Clamp(box.Y - margin, 0, height - 1);
        var x2 = (int)Math.Clamp(box.X + box.Width + margin, x1 + 1, width);
        var y2 = (int)Math.Clamp(box.Y + box.Height + margin, y1 + 1, height);
        return new Rect(x1, y1, x2 - x1, y2 - y1);
    }

    public void Dispose()
    {
        aligned.Dispose();
        context.Dispose();
    }
}
