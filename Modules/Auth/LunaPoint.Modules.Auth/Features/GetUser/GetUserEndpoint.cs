using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class GetUserEndpoint
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetUser(id), ct)))
            .WithSummary("Get a user").ProducesProblem(StatusCodes.Status404NotFound);
}
