using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class ListRulesEndpoint
{
    public static void Map(RouteGroupBuilder rules) =>
        rules.MapGet("/", async (ISender sender, CancellationToken ct, string? name, string? trigger, bool? enabled, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListRules(name, trigger, enabled, page, pageSize), ct)))
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .WithSummary("List notification rules, filtered by name (contains), trigger and enabled")
            .ProducesValidationProblem();
}
