using System.Text.Json.Nodes;
using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class PatchStreamEndpoint
{
    // The body is read by MergePatchDocument, not bound: the binder would throw on a repeated key.
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapPatch("/{id:guid}", async Task<IResult> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (!request.HasJsonContentType())
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                        detail: "Send the patch as application/merge-patch+json or application/json.");
                }

                var patch = await MergePatchDocument.ReadAsync(request.Body, ct);
                return TypedResults.Ok(await sender.Send(new PatchStream(id, patch), ct));
            })
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .Accepts<JsonObject>("application/merge-patch+json", "application/json")
            .Produces<StreamDto>()
            .WithSummary("Change part of a stream (JSON merge patch)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
