using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class GetEventEndpoint
{
    public static void Map(RouteGroupBuilder events) =>
        events.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct, bool descriptor = false) =>
                TypedResults.Ok(await sender.Send(new GetEvent(id, descriptor), ct)))
            .WithSummary("One event with its estimates, every candidate, tags and userData; ?descriptor=true adds the descriptor (base64 of 512 little-endian float32)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
