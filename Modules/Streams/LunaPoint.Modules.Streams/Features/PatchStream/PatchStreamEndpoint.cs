using System.Text.Json.Nodes;
using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class PatchStreamEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapPatch("/{id:guid}", async (Guid id, JsonObject patch, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new PatchStream(id, patch), ct)))
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .Accepts<JsonObject>("application/merge-patch+json", "application/json")
            .WithSummary("Change part of a stream (JSON merge patch)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
