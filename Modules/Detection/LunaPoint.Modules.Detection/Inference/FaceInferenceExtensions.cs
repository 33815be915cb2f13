using LunaPoint.Modules.Detection.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Detection.Inference;

internal static class FaceInferenceExtensions
{
    /// <summary>The one <see cref="FaceEngine"/> every stream worker and photo request shares, and the photo limits.</summary>
    public static IServiceCollection AddFaceInference(this IServiceCollection services)
    {
        services.AddSingleton<FaceEngine>();
        services.AddSingleton<PhotoGate>();
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section)
            .Validate(o => o.MaxBytes > 0 && o.MaxPixels > 0 && o.MinFaceSize > 0, $"{PhotoOptions.Section}: MaxBytes, MaxPixels and MinFaceSize must be positive.")
            .Validate(
                o => o.MaxDetectorWindows > 0 && o.MaxFaces > 0 && o.MaxConcurrent > 0 && o.MaxQueued >= 0 && o.QueueSeconds is >= 0 and <= 60,
                $"{PhotoOptions.Section}: MaxDetectorWindows, MaxFaces and MaxConcurrent must be positive, MaxQueued at least 0, QueueSeconds 0..60.")
            .ValidateOnStart();
        return services;
    }
}
