using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class RevokeApiKeyEndpoint
{
    public static void Map(RouteGroupBuilder keys) =>
        keys.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeApiKey(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke an API key").ProducesProblem(StatusCodes.Status404NotFound);
}
