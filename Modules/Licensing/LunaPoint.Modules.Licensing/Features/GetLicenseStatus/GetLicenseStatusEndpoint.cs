using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Licensing.Features;

internal static class GetLicenseStatusEndpoint
{
    public static void Map(RouteGroupBuilder license) =>
        license.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetLicenseStatus(), ct)))
            .WithSummary("The licence in force: features, limits, current usage, days to expiry and warnings");
}
