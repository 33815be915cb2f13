using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class DeleteStreamEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapDelete("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteStream(id), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .WithSummary("Delete a stream and its log").ProducesProblem(StatusCodes.Status404NotFound);
}
