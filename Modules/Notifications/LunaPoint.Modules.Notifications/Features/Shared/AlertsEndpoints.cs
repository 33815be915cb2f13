using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>The alerts' route group (/api/v1/alerts): list, one, its images, acknowledge.</summary>
internal static class AlertsEndpoints
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        ListAlertsEndpoint.Map(alerts);
        GetAlertEndpoint.Map(alerts);
        GetAlertImageEndpoint.Map(alerts);
        AcknowledgeAlertEndpoint.Map(alerts);
        return api;
    }
}
