using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>Notification rules (administrators) and "pause all" (operators): services and routes.</summary>
internal static class RulesFeature
{
    public static IHostApplicationBuilder AddNotificationRules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RuleWriter>();
        builder.Services.AddScoped<PauseBroadcast>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationRules(this IEndpointRouteBuilder api)
    {
        var rules = api.MapGroup("/notification-rules").WithTags("Notification rules");
        ListRulesEndpoint.Map(rules);
        GetRuleEndpoint.Map(rules);
        CreateRuleEndpoint.Map(rules);
        UpdateRuleEndpoint.Map(rules);
        PatchRuleEndpoint.Map(rules);
        DeleteRuleEndpoint.Map(rules);
        var pause = api.MapGroup("/notifications").WithTags("Notifications");
        GetPauseEndpoint.Map(pause);
        PauseNotificationsEndpoint.Map(pause);
        ResumeNotificationsEndpoint.Map(pause);
        return api;
    }
}
