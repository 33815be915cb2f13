using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class GetEventImageEndpoint
{
    public static void Map(RouteGroupBuilder events)
    {
        MapImage(events, "face", EventImageKind.Face, "The event's face, aligned (JPEG)");
        MapImage(events, "context", EventImageKind.Context, "The face with a margin, as the camera saw it (JPEG)");
        MapImage(events, "body", EventImageKind.Body, "The body the face was seen in, when there was one (JPEG)");
    }

    private static void MapImage(RouteGroupBuilder events, string name, EventImageKind kind, string summary) =>
        events.MapGet($"/{{id:guid}}/{name}.jpg", async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
            {
                var image = await sender.Send(new GetEventImage(id, kind), ct);
                // An event's images never change once written; they are personal data, so only the
                // signed-in browser may keep them, never a shared cache.
                response.Headers.CacheControl = "private, max-age=86400";
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Stream(image, "image/jpeg");
            })
            .WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
