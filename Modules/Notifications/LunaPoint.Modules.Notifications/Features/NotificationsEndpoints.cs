using LunaPoint.Modules.Auth.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>Every REST route of the module, under the host's /api/v1 group, in one place.</summary>
internal static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder api)
    {
        var rules = api.MapGroup("/notification-rules").WithTags("Notification rules");
        ListRulesEndpoint.Map(rules);
        GetRuleEndpoint.Map(rules);
        CreateRuleEndpoint.Map(rules);
        UpdateRuleEndpoint.Map(rules);
        PatchRuleEndpoint.Map(rules);
        DeleteRuleEndpoint.Map(rules);

        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        ListDeliveriesEndpoint.Map(notifications);
        GetPauseEndpoint.Map(notifications);
        PauseNotificationsEndpoint.Map(notifications);
        ResumeNotificationsEndpoint.Map(notifications);

        var smtp = api.MapGroup("/notifications/smtp").WithTags("Notifications").RequireAuthorization(AuthorizationPolicies.Administer);
        GetSmtpSettingsEndpoint.Map(smtp);
        UpdateSmtpSettingsEndpoint.Map(smtp);
        SendTestEmailEndpoint.Map(smtp);

        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        ListAlertsEndpoint.Map(alerts);
        GetAlertEndpoint.Map(alerts);
        GetAlertImageEndpoint.Map(alerts);
        AcknowledgeAlertEndpoint.Map(alerts);
        return api;
    }
}
