using LunaPoint.Modules.Detection.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Detection.Inference;

internal static class FaceInferenceExtensions
{
    /// <summary>The one <see cref="FaceEngine"/> every stream worker and photo request shares, and the photo limits.</summary>
    public static IServiceCollection AddFaceInference(this IServiceCollection services)
    {
        services.AddSingleton<FaceEngine>();
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section)
            .Validate(o => o.MaxBytes > 0 && o.MaxPixels > 0 && o.MinFaceSize > 0, $"{PhotoOptions.Section}: MaxBytes, MaxPixels and MinFaceSize must be positive.")
            .ValidateOnStart();
        return services;
    }
}
