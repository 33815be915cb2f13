using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class ListApiKeysEndpoint
{
    public static void Map(RouteGroupBuilder keys) =>
        keys.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListApiKeys(), ct)))
            .WithSummary("List API keys with their last use");
}
