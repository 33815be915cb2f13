using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class ListStreamsEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapGet("/", async (ISender sender, CancellationToken ct, string? name, string? type, string? status, bool? enabled, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListStreams(name, type, status, enabled, page, pageSize), ct)))
            .WithSummary("List streams, filtered by name (contains), type, status and enabled");
}
