using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Bodies;

/// <summary>A person the body detector found: box in frame pixels, and its score (0..1).</summary>
internal sealed record BodyCandidate(Rect2f Box, float Score);

/// <param name="MinBodyHeight">Smallest body height in frame pixels worth reporting.</param>
internal sealed record BodyDetectOptions(float Threshold = 0.5f, int MinBodyHeight = 64);

/// <summary>
/// Finds people in a BGR frame: an ONNX person detector (pinned by SHA-256) when it is present and loads,
/// else OpenCV's HOG people detector. Safe for concurrent use by every stream. STUB (step-6 contract):
/// the body-detector helper implements it.
/// </summary>
internal sealed class BodyDetector
{
    /// <summary>Which detector answers: the model's name, or <c>hog</c> for the fallback.</summary>
    public string Name => throw new NotImplementedException();

    public ValueTask<IReadOnlyList<BodyCandidate>> DetectAsync(Mat bgr, BodyDetectOptions options, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
