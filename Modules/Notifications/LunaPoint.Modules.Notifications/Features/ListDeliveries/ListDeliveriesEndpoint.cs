using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class ListDeliveriesEndpoint
{
    /// <summary>
    /// <c>GET /api/v1/notifications</c>: the delivery log, for administrators. Filters are taken as text
    /// so a bad value is a 400 naming its field (not the binder's nameless refusal).
    /// </summary>
    public static void Map(RouteGroupBuilder notifications)
    {
        notifications.MapGet("", async (
                    ISender sender, CancellationToken ct, string? ruleId, string? alertId, string? channel, string? status, string? from, string? to,
                    int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListDeliveries(ruleId, alertId, channel, status, from, to, page, pageSize), ct)))
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .WithSummary("The delivery log (outbox rows), newest first; filters ruleId, alertId, channel, status, from/to on the creation time");
    }
}
