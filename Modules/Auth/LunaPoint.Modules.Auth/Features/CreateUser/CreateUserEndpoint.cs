using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class CreateUserEndpoint
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("/", async (CreateUser command, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/users/{user.Id}", user);
            })
            .RequireSignedInPerson()
            .WithSummary("Create a user with a role").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
}
