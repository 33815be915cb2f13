using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Detection.Features;

internal static class GetStreamStatsEndpoint
{
    public static void Map(RouteGroupBuilder streams)
    {
        streams.MapGet("/{id:guid}/stats", async (Guid id, int? windowSeconds, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetStreamStats(id, windowSeconds), ct)))
            .WithSummary("Analysis figures of a stream: input and analysed fps, dropped frames, tracks, best shots, per-stage latency p50/p95 " +
                         "(over the last 512 samples, or those of the last windowSeconds)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        streams.MapGet("/stats", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListStreamStats(), ct)))
            .WithSummary("Analysis figures of every stream this host analyses (an empty list where its video workers are off)");
    }
}
