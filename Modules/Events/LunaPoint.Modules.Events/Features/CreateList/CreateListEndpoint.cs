using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class CreateListEndpoint
{
    public static void Map(RouteGroupBuilder lists) =>
        lists.MapPost("/", async (ListRequest body, ISender sender, CancellationToken ct) =>
            {
                var list = await sender.Send(new CreateList(body), ct);
                return TypedResults.Created($"/api/v1/lists/{list.Id}", list);
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Produces<ListDto>(StatusCodes.Status201Created)
            .WithSummary("Create a watchlist (threshold 0..1, default Similarity.DefaultThreshold; color #rrggbb)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
}
