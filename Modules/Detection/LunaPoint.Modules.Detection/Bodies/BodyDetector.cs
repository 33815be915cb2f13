using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Bodies;

/// <summary>A person the body detector found: box in frame pixels, and its score (0..1).</summary>
internal sealed record BodyCandidate(Rect2f Box, float Score);

/// <param name="MinBodyHeight">Smallest body height in frame pixels worth reporting.</param>
internal sealed record BodyDetectOptions(float Threshold = 0.5f, int MinBodyHeight = 64);

/// <summary>
/// Finds people in a BGR frame. Safe for concurrent use by every stream. No ONNX person model with an acceptable
/// licence is reachable from the registries this project uses (docs/models.md, "Bodies"), so OpenCV's HOG people
/// detector answers; <see cref="Name"/> says which detector did, for the day a model is pinned.
/// </summary>
internal sealed partial class BodyDetector(HogPeopleDetector hog, ILogger<BodyDetector> logger)
{
    public const string HogName = "hog";

    private int _announced;

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

        if (Interlocked.Exchange(ref _announced, 1) == 0)
        {
            LogHog(HogPeopleDetector.PersonRows);
        }

        return ValueTask.FromResult(hog.Detect(bgr, options, cancellationToken));
    }

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Bodies are found by OpenCV's HOG people detector (no ONNX person model is pinned): upright whole people at least {Rows:0} px tall once the frame is scaled to the HOG pixel budget")]
    private partial void LogHog(float rows);
}
