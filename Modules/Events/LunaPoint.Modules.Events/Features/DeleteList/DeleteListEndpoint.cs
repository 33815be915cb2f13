using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class DeleteListEndpoint
{
    public static void Map(RouteGroupBuilder lists) =>
        lists.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteList(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .WithSummary("Delete a watchlist and the faces that are in no other list (their photos and images too); faces also in other lists stay there")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
