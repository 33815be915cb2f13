using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class IssueTokenEndpoint
{
    public static void Map(RouteGroupBuilder auth) =>
        auth.MapPost("/token", async (IssueToken command, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(command, ct)))
            .WithSummary("Exchange a user name and password for a short-lived Bearer token")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
}
