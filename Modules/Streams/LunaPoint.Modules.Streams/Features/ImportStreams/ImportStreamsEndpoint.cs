using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class ImportStreamsEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapPost("/import", async (List<StreamRequest> body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ImportStreams(body), ct)))
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .WithSummary("Create many streams at once (the JSON of export); all or nothing").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
}
