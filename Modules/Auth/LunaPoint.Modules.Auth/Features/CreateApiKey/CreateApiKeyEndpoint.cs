using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class CreateApiKeyEndpoint
{
    public static void Map(RouteGroupBuilder keys) =>
        keys.MapPost("/", async (CreateApiKey command, ISender sender, CancellationToken ct) =>
            {
                var key = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
            })
            // A key minting keys would let one leaked key renew itself past its own expiry.
            .RequireSignedInPerson("An API key cannot create API keys: sign in as an administrator (bearer token or the console) to create one.")
            .WithSummary("Create an API key (a signed-in administrator, not another key); the secret is returned only in this response")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
}
