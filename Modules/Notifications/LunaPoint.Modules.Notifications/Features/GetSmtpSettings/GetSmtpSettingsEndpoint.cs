using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class GetSmtpSettingsEndpoint
{
    public static void Map(RouteGroupBuilder smtp) =>
        smtp.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetSmtpSettings(), ct)))
            .WithSummary("The SMTP settings in force (console-saved, else configuration); the password is never returned, only hasPassword; timeoutSeconds comes from configuration and is not settable here")
            .RequireAuthorization(AuthorizationPolicies.Administer);
}
