using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class GetStreamEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetStream(id), ct)))
            .WithSummary("Get a stream with its settings and status").ProducesProblem(StatusCodes.Status404NotFound);
}
