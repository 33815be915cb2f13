using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class UpdateRuleEndpoint
{
    public static void Map(RouteGroupBuilder rules) =>
        rules.MapPut("/{id:guid}", async (Guid id, RuleRequest body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new UpdateRule(id, body), ct)))
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .Produces<RuleDto>()
            .WithSummary("Replace a notification rule (a webhook channel without secret keeps the stored secret of the same URL)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
