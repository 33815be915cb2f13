using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;

namespace LunaPoint.Host.Security;

/// <summary>
/// A browser sends the console cookie with any request to this site, including one a hostile page
/// makes. So an unsafe /api request that the cookie alone authenticates must also carry the
/// antiforgery token (header <see cref="TokenHeader"/>, which the console reads from its meta tag) and
/// come from this site's own origin. Bearer tokens and API keys are never sent by a browser on its own,
/// so those requests are left alone.
/// </summary>
internal sealed class ApiCsrfProtection(RequestDelegate next, IAntiforgery antiforgery)
{
    /// <summary>The header the console's scripts send the token in (the antiforgery default).</summary>
    public const string TokenHeader = "RequestVerificationToken";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!NeedsCheck(context))
        {
            await next(context);
            return;
        }

        if (!SameOrigin(context.Request) || !await antiforgery.IsRequestValidAsync(context))
        {
            // One answer for every reason: a forger learns nothing about which check failed.
            await context.WriteProblemAsync(
                StatusCodes.Status403Forbidden,
                "Forbidden.",
                $"A console session may change data only from this site's pages: send the '{TokenHeader}' header, or use a bearer token or an API key.");
            return;
        }

        await next(context);
    }

    private static bool NeedsCheck(HttpContext context)
    {
        var request = context.Request;
        return request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && context.User.Identity?.IsAuthenticated == true
            && !CarriesOwnCredential(request)
            // Anonymous operations (token, change-password) take their credentials from the body: the
            // cookie lends them nothing to forge.
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }

    /// <summary>
    /// The same rule the authentication scheme selector applies: a Bearer header or an API key is what
    /// authenticated the request, not the cookie. Anything else signed in is the cookie.
    /// </summary>
    private static bool CarriesOwnCredential(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || request.Headers.ContainsKey("X-Api-Key");

    /// <summary>Origin, or the Referer when a browser sends no Origin; neither is a refusal.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var claimed = request.Headers.Origin.ToString();
        if (claimed.Length == 0)
        {
            claimed = request.Headers.Referer.ToString();
        }

        if (!Uri.TryCreate(claimed, UriKind.Absolute, out var origin) || !Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var own))
        {
            return false;
        }

        return string.Equals(origin.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(origin.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
            && origin.Port == own.Port;
    }
}
