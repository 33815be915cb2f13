using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record UpdateUserBody(string? DisplayName, string? Role, bool? Disabled, string? Password);

internal static class UpdateUserEndpoint
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapPatch("/{id:guid}", async (Guid id, UpdateUserBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateUser(id, body.DisplayName, body.Role, body.Disabled, body.Password), ct)))
            .WithSummary("Change a user's display name or role, disable or enable, or reset the password")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
