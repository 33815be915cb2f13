using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class ListAlertsEndpoint
{
    // The binder refuses a bad GUID, boolean or time with a 400 naming the parameter (the host words it).
    public static void Map(RouteGroupBuilder alerts) =>
        alerts.MapGet("/", async (ISender sender, CancellationToken ct, Guid? ruleId, string? trigger, Guid? streamId, Guid? faceId, bool? acknowledged,
                    DateTimeOffset? from, DateTimeOffset? to, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListAlerts(ruleId, trigger, streamId, faceId, acknowledged, from, to, page, pageSize), ct)))
            .WithSummary("List alerts newest first, filtered by ruleId, trigger, streamId, faceId, acknowledged and from/to (when they happened)")
            .ProducesValidationProblem();
}
