using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class GetRuleEndpoint
{
    // Administrators only, reads too: a rule holds e-mail addresses, chat ids and webhook URLs.
    public static void Map(RouteGroupBuilder rules) =>
        rules.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRule(id), ct)))
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .Produces<RuleDto>()
            .WithSummary("Read a notification rule (webhook secrets are never shown: hasSecret)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
