using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class GetAlertEndpoint
{
    public static void Map(RouteGroupBuilder alerts) =>
        alerts.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetAlert(id), ct)))
            .WithSummary("One alert, with its acknowledgement")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
