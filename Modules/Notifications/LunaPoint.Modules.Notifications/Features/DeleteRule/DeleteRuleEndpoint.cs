using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class DeleteRuleEndpoint
{
    public static void Map(RouteGroupBuilder rules) =>
        rules.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteRule(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .WithSummary("Delete a notification rule (alerts it raised stay, and are still delivered)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
