using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Notifications.Features;

internal static class UpdateSmtpSettingsEndpoint
{
    public static void Map(RouteGroupBuilder smtp) =>
        smtp.MapPut("/", async (UpdateSmtpSettings body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(body, ct)))
            .WithSummary("Save the SMTP settings (they replace configuration); an empty password keeps the stored one only while host, port, security and userName are unchanged; unknown properties (timeoutSeconds: configuration only) are refused")
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .ProducesValidationProblem();
}
