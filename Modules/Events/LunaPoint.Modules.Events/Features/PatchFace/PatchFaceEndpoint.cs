using System.Text.Json.Nodes;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class PatchFaceEndpoint
{
    public static void Map(RouteGroupBuilder faces) =>
        faces.MapPatch("/{id:guid}", async Task<IResult> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (!request.HasJsonContentType())
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                        detail: "Send the patch as application/merge-patch+json or application/json.");
                }

                var patch = await MergePatch.ReadAsync(request.Body, PatchFaceHandler.Fields, ct);
                return TypedResults.Ok(await sender.Send(new PatchFace(id, patch), ct));
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Accepts<JsonObject>("application/merge-patch+json", "application/json")
            .Produces<FaceDto>()
            .WithSummary("Change a face (JSON merge patch: name, externalId, userData, listIds = its whole membership)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
