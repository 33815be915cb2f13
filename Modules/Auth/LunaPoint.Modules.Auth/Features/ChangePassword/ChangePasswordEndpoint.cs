using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class ChangePasswordEndpoint
{
    public static void Map(RouteGroupBuilder auth) =>
        auth.MapPost("/change-password", async (ChangePassword command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Change your own password, proving the current one")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
}
