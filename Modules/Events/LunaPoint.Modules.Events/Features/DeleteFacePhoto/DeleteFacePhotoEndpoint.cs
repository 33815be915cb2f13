using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class DeleteFacePhotoEndpoint
{
    public static void Map(RouteGroupBuilder faces) =>
        faces.MapDelete("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteFacePhoto(id, photoId), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .WithSummary("Delete a photo of a face (and its descriptor)").ProducesProblem(StatusCodes.Status404NotFound);
}
