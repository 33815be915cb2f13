using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class StartStreamEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapPost("/{id:guid}/start", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StartStream(id), ct)))
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .WithSummary("Enable a stream and (re)start its analysis").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
