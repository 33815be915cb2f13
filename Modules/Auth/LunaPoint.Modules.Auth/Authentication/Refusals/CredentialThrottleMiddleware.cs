using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Auth.Authentication.Refusals;

/// <summary>
/// Runs before authentication: a request that carries a token or API key from an address that has had
/// too many refused this minute gets 429 at once (counted in the audit log, not written per request).
/// Console cookies are not throttled here: they cannot be guessed.
/// </summary>
internal sealed class CredentialThrottleMiddleware(RequestDelegate next, CredentialFailureLimiter limiter, RefusalAuditBuffer audit)
{
    public const string ProblemType = "https://tools.ietf.org/html/rfc6585#section-4";

    public Task InvokeAsync(HttpContext context)
    {
        // Most requests (console pages, static files) carry no credential: no address lookup for them.
        var carriesCredential = context.Request.Headers.ContainsKey("Authorization") || context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader)
            || LiveFeedToken.From(context.Request) is not null;
        if (!carriesCredential)
        {
            return next(context);
        }

        var address = ClientAddress.Of(context);
        if (!limiter.IsBlocked(address, out var retryAfter))
        {
            return next(context);
        }

        audit.Record(address, "credentials.throttled", "too many refused credentials");
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Type = ProblemType,
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many refused credentials.",
                Detail = $"Too many invalid tokens or API keys came from your address. Try again in {seconds} s.",
            },
        }).AsTask();
    }
}

internal static class ClientAddress
{
    /// <summary>The address limits and audit rows are kept by (the proxy-resolved one when forwarded headers are honoured).</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
