using Scalar.AspNetCore;

namespace LunaPoint.Host.Security;

/// <summary>
/// Headers every response carries, pages, static files, API answers and error pages alike. They are
/// set when the response starts, so the exception handler clearing a half-written response, or a
/// status page re-executing the pipeline, cannot lose them.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiReferencePath = "/scalar";

    /// <summary>No inline script, style or event handler runs in the console: stored text stays text.</summary>
    internal const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>JSON answers are never documents to render.</summary>
    internal const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(context);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // same-origin keeps the Referer for our own requests (the API's CSRF check falls back on it)
            // and sends nothing to other sites.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string PolicyFor(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(ApiReferencePath))
        {
            return ApiReferencePolicy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string);
        }

        return path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
            ? ApiPolicy
            : ConsolePolicy;
    }

    /// <summary>
    /// The API reference is the package's single-page app: its scripts run by a per-request nonce and
    /// it styles itself with inline style elements. Only this path gets the looser style rule.
    /// </summary>
    internal static string ApiReferencePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
