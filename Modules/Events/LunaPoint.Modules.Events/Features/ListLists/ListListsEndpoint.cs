using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class ListListsEndpoint
{
    public static void Map(RouteGroupBuilder lists) =>
        lists.MapGet("/", async (ISender sender, CancellationToken ct, string? name, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListLists(name, page, pageSize), ct)))
            .Produces<PagedResult<ListDto>>()
            .WithSummary("List watchlists with their face counts, filtered by name (contains)");
}
