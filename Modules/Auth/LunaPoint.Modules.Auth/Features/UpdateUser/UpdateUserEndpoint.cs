using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record UpdateUserBody(string? DisplayName, string? Role, bool? Disabled, string? Password, bool? Unlock)
{
    /// <summary>
    /// Fields this request does not know. Kept only to refuse them: a PATCH that silently ignores
    /// <c>lockedOutUntil</c> answers 200 and changes nothing, which reads as success.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

internal static class UpdateUserEndpoint
{
    private const string Known = "displayName, role, disabled, password, unlock";

    public static void Map(RouteGroupBuilder users) =>
        users.MapPatch("/{id:guid}", async (Guid id, UpdateUserBody body, ISender sender, CancellationToken ct) =>
            {
                if (body.Unknown is { Count: > 0 } unknown)
                {
                    throw new ValidationException(unknown.Keys.Select(k => new ValidationFailure(k, $"'{k}' cannot be changed here; the fields are: {Known}.")));
                }

                return TypedResults.Ok(await sender.Send(new UpdateUser(id, body.DisplayName, body.Role, body.Disabled, body.Password, body.Unlock), ct));
            })
            .RequireSignedInPerson()
            .WithSummary("Change a user's display name or role, disable or enable, unlock after failed sign-ins, or reset the password")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
