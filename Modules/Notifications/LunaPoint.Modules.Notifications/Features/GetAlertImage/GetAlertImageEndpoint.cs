using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class GetAlertImageEndpoint
{
    public static void Map(RouteGroupBuilder alerts)
    {
        MapImage(alerts, "face", AlertImageKind.Face, "The face crop of the shot that raised the alert (JPEG)", "private, max-age=86400");
        // The enrolled photo may be replaced or removed in Events: the browser asks again each time.
        MapImage(alerts, "match", AlertImageKind.Match, "The matched person's enrolled photo (JPEG)", "private, no-cache");
    }

    private static void MapImage(RouteGroupBuilder alerts, string name, AlertImageKind kind, string summary, string cacheControl) =>
        alerts.MapGet($"/{{id:guid}}/{name}.jpg", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var jpeg = await sender.Send(new GetAlertImage(id, kind), ct);
                // Personal data: only the signed-in browser may keep it, never a shared cache.
                response.Headers.CacheControl = cacheControl;
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(jpeg, "image/jpeg");
            })
            .WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
