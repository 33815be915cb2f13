using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Licensing.Signing;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Licensing.Features;

internal static class LicenseEndpoints
{
    public static void MapLicenseEndpoints(this IEndpointRouteBuilder api)
    {
        var license = api.MapGroup("/license").WithTags("Licence");
        license.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetLicenseStatus(), ct)))
            .WithSummary("The licence in force: features, limits, current usage, days to expiry and warnings");
        license.MapPut("/", async (SignedLicense body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new UploadLicense(body), ct)))
            .WithSummary("Upload a signed licence; it takes effect at once, and a rejected one leaves the current licence in force")
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
