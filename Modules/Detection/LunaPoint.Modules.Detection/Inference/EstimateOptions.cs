using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>When the face estimates judge and when they say unknown (<c>LunaPoint:Detection:Estimates</c>); docs/models.md has the measurements behind the defaults.</summary>
internal sealed class EstimateOptions
{
    public const string Section = "LunaPoint:Detection:Estimates";

    /// <summary>A liveness score at or above this reads <c>real</c>, below it <c>spoof</c>.</summary>
    public double LivenessThreshold { get; set; } = 0.5;

    /// <summary>Faces whose box is smaller (longer side, pixels) are not judged live or not: <c>unknown</c>.</summary>
    public int LivenessMinFaceSize { get; set; } = 80;

    /// <summary>Faces turned further than this (degrees, either way) are <c>unknown</c> for liveness.</summary>
    public double LivenessMaxYaw { get; set; } = 30;

    /// <summary>Faces tilted up or down further than this (degrees) are <c>unknown</c> for liveness.</summary>
    public double LivenessMaxPitch { get; set; } = 30;

    /// <summary>Eyes closer together than this (pixels between the eye centres) are <c>unknown</c>.</summary>
    public int EyeMinDistance { get; set; } = 20;
}

internal static class FaceEstimateRegistration
{
    /// <summary>The estimator every stream and photo shares, and its validated settings.</summary>
    public static IServiceCollection AddFaceEstimates(this IServiceCollection services)
    {
        services.AddSingleton<FaceEstimator>();
        services.AddOptions<EstimateOptions>().BindConfiguration(EstimateOptions.Section)
            .Validate(o => o.LivenessThreshold is > 0 and < 1, $"{EstimateOptions.Section}:LivenessThreshold must lie between 0 and 1.")
            .Validate(
                o => o.LivenessMinFaceSize > 0 && o.EyeMinDistance > 0 && o.LivenessMaxYaw is > 0 and <= 90 && o.LivenessMaxPitch is > 0 and <= 90,
                $"{EstimateOptions.Section}: LivenessMinFaceSize and EyeMinDistance must be positive, LivenessMaxYaw and LivenessMaxPitch 0..90 degrees.")
            .ValidateOnStart();
        return services;
    }
}
