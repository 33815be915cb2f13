using System.Text.Json.Nodes;
using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class PatchRuleEndpoint
{
    // The body is read by RulePatchDocument, not bound: the binder would throw on a repeated key.
    public static void Map(RouteGroupBuilder rules) =>
        rules.MapPatch("/{id:guid}", async Task<IResult> (Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (!request.HasJsonContentType())
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                        detail: "Send the patch as application/merge-patch+json or application/json.");
                }

                var patch = await RulePatchDocument.ReadAsync(request.Body, ct);
                return TypedResults.Ok(await sender.Send(new PatchRule(id, patch), ct));
            })
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .Accepts<JsonObject>("application/merge-patch+json", "application/json")
            .Produces<RuleDto>()
            .WithSummary("Change part of a notification rule (JSON merge patch; arrays such as channels replace)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
