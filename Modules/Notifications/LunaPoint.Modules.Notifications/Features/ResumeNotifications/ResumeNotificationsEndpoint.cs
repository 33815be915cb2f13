using System.Security.Claims;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Live;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class ResumeNotificationsEndpoint
{
    public static void Map(RouteGroupBuilder notifications) =>
        notifications.MapPost("/resume", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ResumeNotifications(PauseUser.Name(user)), ct)))
            .RequireAuthorization(AuthorizationPolicies.Operate)
            .Produces<PauseView>()
            .WithSummary("Resume notifications after a pause");
}
