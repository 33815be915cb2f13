using System.Security.Claims;
using System.Text.Json.Serialization;
using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>The body of an acknowledgement; it may be left out altogether. Who and when come from the server: a body naming them is refused, not ignored.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AcknowledgeAlertRequest(string? Comment);

internal static class AcknowledgeAlertEndpoint
{
    public static void Map(RouteGroupBuilder alerts) =>
        alerts.MapPost("/{id:guid}/acknowledge", async (Guid id, AcknowledgeAlertRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcknowledgeAlert(id, request?.Comment, user.Identity?.Name ?? "unknown"), ct)))
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .WithSummary("Acknowledge an alert (optional comment, at most 1,000 characters); 409 when someone already has")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
