using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Detection.Bodies;

internal static class BodyDetectionExtensions
{
    /// <summary>The one <see cref="BodyDetector"/> every stream shares.</summary>
    public static IServiceCollection AddBodyDetection(this IServiceCollection services)
    {
        services.AddSingleton<HogPeopleDetector>();
        services.AddSingleton<BodyDetector>();
        return services;
    }
}
