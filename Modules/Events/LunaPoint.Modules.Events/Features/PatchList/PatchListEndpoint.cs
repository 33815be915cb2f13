using System.Text.Json.Nodes;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Events.Features;

internal static class PatchListEndpoint
{
    public static void Map(RouteGroupBuilder lists) =>
        lists.MapPatch("/{id:guid}", async Task<IResult> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (!request.HasJsonContentType())
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                        detail: "Send the patch as application/merge-patch+json or application/json.");
                }

                var patch = await MergePatch.ReadAsync(request.Body, PatchListHandler.Fields, ct);
                return TypedResults.Ok(await sender.Send(new PatchList(id, patch), ct));
            })
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Accepts<JsonObject>("application/merge-patch+json", "application/json")
            .Produces<ListDto>()
            .WithSummary("Change part of a watchlist (JSON merge patch: name, description, color, threshold, notify)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
