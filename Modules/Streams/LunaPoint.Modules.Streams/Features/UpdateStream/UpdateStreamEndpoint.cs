using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class UpdateStreamEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapPut("/{id:guid}", async (Guid id, StreamRequest body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new UpdateStream(id, body), ct)))
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .WithSummary("Replace a stream's settings").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
