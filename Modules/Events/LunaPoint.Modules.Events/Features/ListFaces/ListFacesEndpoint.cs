using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class ListFacesEndpoint
{
    public static void Map(RouteGroupBuilder lists) =>
        lists.MapGet("/{id:guid}/faces", async (Guid id, ISender sender, CancellationToken ct, string? name, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListFaces(id, name, page, pageSize), ct)))
            .Produces<PagedResult<FaceSummaryDto>>()
            .WithSummary("List a watchlist's faces by name, with a thumbnail URL each, filtered by name (contains)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
}
