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
    public int LivenessMinFaceSize { get; set; } = 48;

    /// <summary>
    /// The model looks at 2.7 x the face box; where the image holds less around the face (times the box,
    /// either way), the crop is taken tighter down to this, and below it the face is <c>unknown</c>.
    /// </summary>
    public double LivenessMinContext { get; set; } = 2.0;

    /// <summary>Faces turned further than this (degrees, either way) are <c>unknown</c> for liveness.</summary>
    public double LivenessMaxYaw { get; set; } = 30;

    /// <summary>Faces tilted up or down further than this (degrees) are <c>unknown</c> for liveness.</summary>
    public double LivenessMaxPitch { get; set; } = 30;

    /// <summary>
    /// Faces whose box is smaller (longer side, pixels) get no age or gender (<c>attributes</c> null): below it
    /// fr_age and fr_gender still answer, but about a blur (measured in docs/models.md).
    /// </summary>
    public int AttributesMinFaceSize { get; set; } = 48;

    /// <summary>Eyes closer together than this (pixels between the eye centres) are <c>unknown</c>.</summary>
    public int EyeMinDistance { get; set; } = 20;
}

internal static class FaceEstimateRegistration
{
    /// <summary>The estimator every stream and photo shares, and its validated settings.</summary>
    public static IServiceCollection AddFaceEstimates(this IServiceCollection services)
    {
        services.AddSingleton<FaceEstimator>();
        services.AddScoped<Features.EstimateLicence>();
        services.AddOptions<EstimateOptions>().BindConfiguration(EstimateOptions.Section)
            .Validate(o => o.LivenessThreshold is > 0 and < 1, $"{EstimateOptions.Section}:LivenessThreshold must lie between 0 and 1.")
            .Validate(
                o => o.LivenessMinFaceSize > 0 && o.AttributesMinFaceSize > 0 && o.LivenessMinContext is >= 1 and <= 2.7 && o.EyeMinDistance > 0 && o.LivenessMaxYaw is > 0 and <= 90 && o.LivenessMaxPitch is > 0 and <= 90,
                $"{EstimateOptions.Section}: LivenessMinFaceSize, AttributesMinFaceSize and EyeMinDistance must be positive, LivenessMinContext 1..2.7, LivenessMaxYaw and LivenessMaxPitch 0..90 degrees.")
            .ValidateOnStart();
        return services;
    }
}
