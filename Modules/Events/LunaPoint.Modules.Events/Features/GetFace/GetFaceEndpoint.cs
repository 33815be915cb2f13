using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class GetFaceEndpoint
{
    public static void Map(RouteGroupBuilder faces) =>
        faces.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetFace(id), ct)))
            .Produces<FaceDto>()
            .WithSummary("Get a face: its fields, lists and photos").ProducesProblem(StatusCodes.Status404NotFound);
}
