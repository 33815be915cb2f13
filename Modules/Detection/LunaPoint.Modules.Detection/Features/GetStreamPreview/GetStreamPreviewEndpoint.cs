using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Detection.Features;

internal static class GetStreamPreviewEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapGet("/{id:guid}/preview.jpg", async (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var jpeg = await sender.Send(new GetStreamPreview(id), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(jpeg, "image/jpeg");
            })
            .WithSummary("The newest analysed frame of a stream with boxes and track ids (JPEG)")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
