using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class GetStreamLogEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapGet("/{id:guid}/logs", async (Guid id, ISender sender, CancellationToken ct, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new GetStreamLog(id, page, pageSize), ct)))
            .WithSummary("Status transitions of a stream, newest first, with times and reasons").ProducesProblem(StatusCodes.Status404NotFound);
}
