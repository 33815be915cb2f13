using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>Notification rules (administrators) and "pause all" (operators): services and routes.</summary>
internal static class RulesServices
{
    public static IHostApplicationBuilder AddNotificationRules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RuleWriter>();
        builder.Services.AddScoped<PauseBroadcast>();
        return builder;
    }
}
