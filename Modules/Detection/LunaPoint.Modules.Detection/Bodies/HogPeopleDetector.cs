using System.Collections.Concurrent;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Bodies;

/// <summary>
/// OpenCV's HOG people detector (Dalal-Triggs, 64x128 window, INRIA-trained): upright, whole people at least
/// <see cref="PersonRows"/> tall in the pixels it looks at. Frames over the pixel budget are scaled down first,
/// and further when <see cref="BodyDetectOptions.MinBodyHeight"/> allows (people shorter are not wanted anyway).
/// </summary>
internal sealed class HogPeopleDetector(BodyDetectionOptions? options = null) : IDisposable
{
    // The INRIA window holds a person of ~105 of its 128 rows and ~40 of its 64 columns (checked by eye on
    // vtest.avi); the box handed on is that person, not the window.
    private const float PadX = 0.19f;
    private const float PadY = 0.09f;

    /// <summary>The shortest person HOG finds, in the pixels it looks at.</summary>
    public const float PersonRows = 128 * (1 - (2 * PadY));

    private readonly BodyDetectionOptions _options = options ?? new BodyDetectionOptions();
    private readonly ConcurrentBag<HOGDescriptor> _pool = [];

    /// <summary>The factor a frame is scaled by before HOG looks at it (never up: that costs the square).</summary>
    public double ScaleFor(int width, int height, int minBodyHeight) =>
        Math.Min(1.0, Math.Min(Math.Sqrt((double)_options.HogMaxPixels / ((double)width * height)), PersonRows / Math.Max(1, minBodyHeight)));

    public IReadOnlyList<BodyCandidate> Detect(Mat bgr, BodyDetectOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scale = ScaleFor(bgr.Cols, bgr.Rows, options.MinBodyHeight);
        using var resized = scale < 1 ? bgr.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Area) : null;
        var image = resized ?? bgr;
        if (image.Cols < 64 || image.Rows < 128)
        {
            return [];
        }

        var candidates = new List<BodyCandidate>();
        foreach (var (window, margin) in Run(image))
        {
            var box = new Rect2f(
                (float)((window.X + (PadX * window.Width)) / scale),
                (float)((window.Y + (PadY * window.Height)) / scale),
                (float)(window.Width * (1 - (2 * PadX)) / scale),
                (float)(window.Height * (1 - (2 * PadY)) / scale));
            candidates.Add(new BodyCandidate(box, Squash(margin)));
        }

        return BodyBoxes.Finish(candidates, bgr.Cols, bgr.Rows, options);
    }

    /// <summary>The SVM margin (0 = on the boundary) mapped to 0..1, so a threshold of 0.5 is HOG's own boundary.</summary>
    internal static float Squash(double margin) => (float)(1 / (1 + Math.Exp(-2 * margin)));

    private IEnumerable<(Rect Window, double Margin)> Run(Mat image)
    {
        // A HOGDescriptor is used by one call at a time: each call borrows one.
        var hog = _pool.TryTake(out var pooled) ? pooled : Create();
        try
        {
            var found = hog.DetectMultiScale(image, out var weights, hitThreshold: 0, winStride: new Size(8, 8), padding: new Size(8, 8), scale: _options.HogScaleStep, groupThreshold: 2);
            return found.Select((r, i) => (r, weights[i])).ToList();
        }
        finally
        {
            _pool.Add(hog);
        }
    }

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
