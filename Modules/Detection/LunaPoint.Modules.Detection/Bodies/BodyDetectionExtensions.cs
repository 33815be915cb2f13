using LunaPoint.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Detection.Bodies;

internal static class BodyDetectionExtensions
{
    /// <summary>The one <see cref="BodyDetector"/> every stream shares, its settings and its line in /health/ready.</summary>
    public static IServiceCollection AddBodyDetection(this IServiceCollection services)
    {
        services.AddOptions<BodyDetectionOptions>().BindConfiguration(BodyDetectionOptions.Section)
            .Validate(o => o.HogMaxPixels >= 64 * 128 && o.HogScaleStep is > 1.0 and <= 2.0, $"{BodyDetectionOptions.Section}: HogMaxPixels must be at least 8192 (one 64x128 window), HogScaleStep above 1 and at most 2.")
            .ValidateOnStart();
        services.AddSingleton(sp => new HogPeopleDetector(sp.GetRequiredService<IOptions<BodyDetectionOptions>>().Value));
        services.AddSingleton<BodyDetector>();
        services.AddHealthChecks().AddCheck<BodyDetectorReadyCheck>("bodies", tags: [ModuleDatabaseExtensions.ReadyTag]);
        return services;
    }
}
