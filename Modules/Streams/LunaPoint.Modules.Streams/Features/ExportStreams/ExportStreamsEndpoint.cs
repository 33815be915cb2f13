using LunaPoint.Modules.Auth.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Streams.Features;

internal static class ExportStreamsEndpoint
{
    public static void Map(RouteGroupBuilder streams) =>
        streams.MapGet("/export", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ExportStreams(), ct)))
            .RequireAuthorization(AuthorizationPolicies.Administer)
            .WithSummary("Every stream's settings, in the form import takes (sources may hold camera credentials)");
}
