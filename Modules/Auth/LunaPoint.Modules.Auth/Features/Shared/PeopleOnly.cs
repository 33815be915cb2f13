using System.Security.Claims;
using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LunaPoint.Modules.Auth.Features;

/// <summary>
/// Accounts are managed by people, never by integrations: an API key that could create an administrator,
/// reset a password or change a role could mint itself a fresh identity (and a fresh key) past its own
/// expiry or revocation. Checked before the body is validated, so the refusal comes first and alone.
/// </summary>
internal static class PeopleOnly
{
    public const string AccountsRefusal = "An API key cannot manage user accounts: sign in as an administrator (bearer token or the console).";

    public static RouteHandlerBuilder RequireSignedInPerson(this RouteHandlerBuilder endpoint, string refusal = AccountsRefusal) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            if (IsApiKey(context.HttpContext.User))
            {
                throw new ForbiddenException(refusal);
            }

            return await next(context);
        });

    public static bool IsApiKey(ClaimsPrincipal? caller) => caller?.FindFirstValue("auth_method") == "api_key";
}
