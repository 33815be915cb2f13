using System.Collections.Concurrent;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Bodies;

/// <summary>
/// The fallback: OpenCV's HOG people detector (Dalal-Triggs, 64x128 window, INRIA-trained). Frames wider than
/// <see cref="MaxWidth"/> are scaled down first: its cost grows with the pixel count (107 ms for 768x576 on one
/// core) and people big enough to matter survive the downscale.
/// </summary>
internal sealed class HogPeopleDetector : IDisposable
{
    public const int MaxWidth = 768;

    // The INRIA window holds a person of ~96 of its 128 rows and ~40 of its 64 columns; the box handed on
    // is that person, not the window.
    private const float PadX = 0.19f;
    private const float PadY = 0.09f;

    private readonly ConcurrentBag<HOGDescriptor> _pool = [];

    public IReadOnlyList<BodyCandidate> Detect(Mat bgr, BodyDetectOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scale = Math.Min(1.0, (double)MaxWidth / bgr.Cols);
        using var resized = scale < 1 ? bgr.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Area) : null;
        var image = resized ?? bgr;

        // A HOGDescriptor is not shared between threads at once: each call borrows one.
        var hog = _pool.TryTake(out var pooled) ? pooled : Create();
        Rect[] found;
        double[] weights;
        try
        {
            found = hog.DetectMultiScale(image, out weights, hitThreshold: 0, winStride: new Size(8, 8), padding: new Size(8, 8), scale: 1.05, groupThreshold: 2);
        }
        finally
        {
            _pool.Add(hog);
        }

        var candidates = new List<BodyCandidate>(found.Length);
        for (var i = 0; i < found.Length; i++)
        {
            var r = found[i];
            var box = new Rect2f(
                (float)((r.X + (PadX * r.Width)) / scale),
                (float)((r.Y + (PadY * r.Height)) / scale),
                (float)(r.Width * (1 - (2 * PadX)) / scale),
                (float)(r.Height * (1 - (2 * PadY)) / scale));
            candidates.Add(new BodyCandidate(box, Squash(weights[i])));
        }

        return BodyBoxes.Finish(candidates, bgr.Cols, bgr.Rows, options);
    }

    /// <summary>The SVM margin (0 = on the boundary) mapped to 0..1 so a threshold reads like a model's score.</summary>
    internal static float Squash(double margin) => (float)(1 / (1 + Math.Exp(-2 * margin)));

    private static HOGDescriptor Create()
    {
        var hog = new HOGDescriptor();
        hog.SetSVMDetector(HOGDescriptor.GetDefaultPeopleDetector());
        return hog;
    }

    public void Dispose()
    {
        while (_pool.TryTake(out var hog))
        {
            hog.Dispose();
        }
    }
}
