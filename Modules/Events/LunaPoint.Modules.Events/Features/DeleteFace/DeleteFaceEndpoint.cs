using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class DeleteFaceEndpoint
{
    public static void Map(RouteGroupBuilder faces) =>
        faces.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteFace(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .WithSummary("Delete a face from every list, with its photos").ProducesProblem(StatusCodes.Status404NotFound);
}
