using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class CreateApiKeyEndpoint
{
    public static void Map(RouteGroupBuilder keys) =>
        keys.MapPost("/", async (CreateApiKey command, ClaimsPrincipal caller, ISender sender, CancellationToken ct) =>
            {
                CreateApiKeyHandler.RefuseApiKeyCaller(caller);
                var key = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
            })
            .WithSummary("Create an API key (a signed-in administrator, not another key); the secret is returned only in this response")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
}
