using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class CreateStreamEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapPost("/", async (StreamRequest body, ISender sender, CancellationToken ct) =>
            {
                var stream = await sender.Send(new CreateStream(body), ct);
                return TypedResults.Created($"/api/v1/streams/{stream.Id}", stream);
            })
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .WithSummary("Create a stream").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
}
