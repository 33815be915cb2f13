using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LunaPoint.Modules.Auth.Features;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(AuthenticationSetup.SignInRateLimit);
        IssueTokenEndpoint.Map(auth);
        ChangePasswordEndpoint.Map(auth);

        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AuthorizationPolicies.Administer);
        ListUsersEndpoint.Map(users);
        GetUserEndpoint.Map(users);
        CreateUserEndpoint.Map(users);
        UpdateUserEndpoint.Map(users);

        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(AuthorizationPolicies.Administer);
        ListApiKeysEndpoint.Map(keys);
        CreateApiKeyEndpoint.Map(keys);
        RevokeApiKeyEndpoint.Map(keys);

        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(AuthorizationPolicies.Administer);
        ListAuditEntriesEndpoint.Map(audit);
    }
}
