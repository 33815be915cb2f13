using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Licensing.Signing;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Licensing.Features;

internal static class UploadLicenseEndpoint
{
    public static void Map(RouteGroupBuilder license) =>
        license.MapPut("/", async (SignedLicense body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new UploadLicense(body), ct)))
            .WithSummary("Upload a signed licence; it takes effect at once, and a rejected one leaves the current licence in force")
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
