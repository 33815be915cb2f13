using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Detection.Inference;

internal static class FaceInferenceExtensions
{
    /// <summary>The one <see cref="FaceEngine"/> every stream worker and photo request shares.</summary>
    public static IServiceCollection AddFaceInference(this IServiceCollection services) => services.AddSingleton<FaceEngine>();
}
