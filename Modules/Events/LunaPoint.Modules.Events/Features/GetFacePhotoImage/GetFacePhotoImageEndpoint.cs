using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class GetFacePhotoImageEndpoint
{
    public static void Map(RouteGroupBuilder faces) =>
        faces.MapGet("/{id:guid}/photos/{photoId:guid}.jpg", async (Guid id, Guid photoId, HttpResponse response, ISender sender, CancellationToken ct) =>
            {
                var jpeg = await sender.Send(new GetFacePhotoImage(id, photoId), ct);
                // A photo never changes once stored (a new one gets a new id); a face's images are personal data.
                response.Headers.CacheControl = "private, max-age=86400";
                return TypedResults.File(jpeg, "image/jpeg");
            })
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .WithSummary("The JPEG crop of a face's photo").ProducesProblem(StatusCodes.Status404NotFound);
}
