using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class CreateRuleEndpoint
{
    public static void Map(RouteGroupBuilder rules) =>
        rules.MapPost("/", async (RuleRequest body, ISender sender, CancellationToken ct) =>
            {
                var rule = await sender.Send(new CreateRule(body), ct);
                return TypedResults.Created($"/api/v1/notification-rules/{rule.Id}", rule);
            })
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .Produces<RuleDto>(StatusCodes.Status201Created)
            .WithSummary("Create a notification rule (trigger, conditions, channels, cooldownSeconds, escalation)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
}
