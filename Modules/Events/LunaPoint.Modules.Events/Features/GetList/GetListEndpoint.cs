using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class GetListEndpoint
{
    public static void Map(RouteGroupBuilder lists) =>
        lists.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetList(id), ct)))
            .Produces<ListDto>()
            .WithSummary("Get a watchlist with its face count").ProducesProblem(StatusCodes.Status404NotFound);
}
