using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class StopStreamEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapPost("/{id:guid}/stop", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new StopStream(id), ct)))
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .WithSummary("Stop a stream's analysis and disable it").ProducesProblem(StatusCodes.Status404NotFound);
}
