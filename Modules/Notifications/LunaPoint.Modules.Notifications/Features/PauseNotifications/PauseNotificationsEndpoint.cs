using System.Security.Claims;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Live;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class PauseNotificationsEndpoint
{
    public static void Map(RouteGroupBuilder notifications) =>
        notifications.MapPost("/pause", async ([FromBody] PauseRequest? body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new PauseNotifications(body?.Minutes, PauseUser.Name(user)), ct)))
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Produces<PauseView>()
            .WithSummary("Pause all notifications: {\"minutes\": 15} for a while, {} until resumed (minutes 1..10080)")
            .ProducesValidationProblem();
}

internal static class PauseUser
{
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "unknown";
}
