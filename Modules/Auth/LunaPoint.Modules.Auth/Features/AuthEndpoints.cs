using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Features.ApiKeys;
using LunaPoint.Modules.Auth.Features.Audit;
using LunaPoint.Modules.Auth.Features.Passwords;
using LunaPoint.Modules.Auth.Features.Token;
using LunaPoint.Modules.Auth.Features.Users;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(AuthenticationSetup.SignInRateLimit);
        auth.MapPost("/token", async (IssueToken command, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(command, ct)))
            .WithSummary("Exchange a user name and password for a short-lived Bearer token")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
        auth.MapPost("/change-password", async (ChangePassword command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Change your own password, proving the current one")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();

        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AuthorizationPolicies.Administer);
        users.MapGet("/", async (ISender sender, CancellationToken ct, string? search, string? role, bool? disabled, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListUsers(search, role, disabled, page, pageSize), ct)))
            .WithSummary("List users");
        users.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetUser(id), ct)))
            .WithSummary("Get a user").ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/", async (CreateUser command, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/users/{user.Id}", user);
            })
            .WithSummary("Create a user with a role").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPatch("/{id:guid}", async (Guid id, UpdateUserBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new UpdateUser(id, body.DisplayName, body.Role, body.Disabled, body.Password), ct)))
            .WithSummary("Change a user's display name or role, disable or enable, or reset the password")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(AuthorizationPolicies.Administer);
        keys.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListApiKeys(), ct)))
            .WithSummary("List API keys with their last use");
        keys.MapPost("/", async (CreateApiKey command, ISender sender, CancellationToken ct) =>
            {
                var key = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
            })
            .WithSummary("Create an API key; the secret is returned only in this response").ProducesValidationProblem();
        keys.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeApiKey(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke an API key").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/audit", async (ISender sender, CancellationToken ct, DateTimeOffset? from, DateTimeOffset? to, string? module, string? action, string? actor, bool? succeeded, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
                TypedResults.Ok(await sender.Send(new ListAuditEntries(from, to, module, action, actor, succeeded, page, pageSize), ct)))
            .WithTags("Audit").WithSummary("Browse the audit log, newest first")
            .RequireAuthorization(AuthorizationPolicies.Administer);
    }
}

internal sealed record UpdateUserBody(string? DisplayName, string? Role, bool? Disabled, string? Password);
