using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Events.Features;

internal static class EventSearchServices
{
    /// <summary>The archive's, search's and verify's own settings.</summary>
    public static IHostApplicationBuilder AddEventSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventSearchOptions>().Bind(builder.Configuration.GetSection(EventSearchOptions.Section))
            .Validate(o => o.ExportMaxRows >= 1 && o.PhotoMaxBytes >= 1024 && o.FilteredOverfetch is >= 1 and <= 1000, "LunaPoint:Events:Search has a value out of range.")
            .ValidateOnStart();
        builder.Services.AddScoped<FaceCandidates>();
        builder.Services.AddScoped<EventCandidates>();
        return builder;
    }
}
