using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Bodies;

/// <summary>Says which people detector answers; HOG is a working detector, so this never fails readiness.</summary>
internal sealed class BodyDetectorReadyCheck(BodyDetector detector) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(detector.Name == BodyDetector.HogName
            ? $"OpenCV {Cv2.GetVersionString()} HOG people detector; no ONNX person model is pinned (docs/models.md, Bodies)"
            : $"person model {detector.Name}"));
}
