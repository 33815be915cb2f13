using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class ListEventsEndpoint
{
    public static void Map(RouteGroupBuilder events) =>
        events.MapGet("/", async (ISender sender, [AsParameters] EventFilterParameters filter, CancellationToken ct, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListEvents(filter.ToFilter(), page, pageSize), ct)))
            .WithSummary("List events newest first, filtered by from/to (start time), streamId, listId, faceId (candidates), matched, ageFrom/ageTo, gender and liveness")
            .ProducesValidationProblem();
}
