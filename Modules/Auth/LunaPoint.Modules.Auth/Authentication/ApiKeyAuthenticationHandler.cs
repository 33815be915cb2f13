using System.Security.Claims;
using System.Text.Encodings.Web;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>
/// Authenticates integrations by <c>X-Api-Key</c>. Refuses unknown, revoked and expired keys alike, and keys
/// whose owner (the administrator who created them) is disabled, gone, or now holds a lower role than the key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthDbContext db,
    UserStateCache users,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Refused = "The API key is invalid, expired or revoked, or its owner may no longer use it.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.TryParse(values.ToString(), out var prefix, out var secret))
        {
            return Refuse();
        }

        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        var now = clock.GetUtcNow();
        // Hash and compare even when no row matched, so timing does not tell whether a prefix exists.
        var matches = ApiKeySecret.Matches(secret, key?.SecretHash ?? new byte[32]);
        if (key is null || !matches || key.RevokedAt is not null || key.ExpiresAt <= now
            || !OwnerMayUse(await users.GetAsync(key.CreatedBy, db, Context.RequestAborted), key.Role))
        {
            return Refuse();
        }

        // Last use is for the administrator's list: a minute's precision is plenty and spares a write per call.
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim("sub", key.Id.ToString()),
            new Claim("name", $"api-key:{key.Name}"),
            new Claim("role", key.Role),
            new Claim("auth_method", "api_key"),
        ], Scheme.Name, "name", "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, result.Failure?.Message ?? Refused);
    }

    /// <summary>
    /// Counted here, where the key is checked, not on challenge: an endpoint that lets anyone in
    /// (/health/ready) never challenges, and would otherwise answer key guesses without limit.
    /// </summary>
    private AuthenticateResult Refuse()
    {
        AuthProblems.RecordRefusal(Context, "api-key.rejected", Refused);
        return AuthenticateResult.Fail(Refused);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This API key's role may not do this.");

    /// <summary>A key never outranks its owner: it dies with the owner's disablement or loss of role.</summary>
    internal static bool OwnerMayUse(UserState? owner, string keyRole) =>
        owner is { Disabled: false } && RoleRank.Of(owner.Role) >= RoleRank.Of(keyRole);
}

internal static class RoleRank
{
    public static int Of(string? role) => role switch
    {
        Roles.Administrator => 3,
        Roles.Operator => 2,
        Roles.Viewer => 1,
        _ => 0,
    };
}
