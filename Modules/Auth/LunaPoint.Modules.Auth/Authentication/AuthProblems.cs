using LunaPoint.Modules.Auth.Authentication.Refusals;
using LunaPoint.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>Writes 401/403 answers of the API as problem+json and records refused credentials.</summary>
internal static class AuthProblems
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static Task WriteAsync(HttpContext context, int status, string detail) =>
        context.WriteProblemAsync(status, status == StatusCodes.Status401Unauthorized ? "Unauthorized." : "Forbidden.", detail);

    /// <summary>
    /// A presented token or key was refused: counted against the client address (too many and it is
    /// throttled) and into the audit log's per-minute tally, never a row per request.
    /// </summary>
    public static void RecordRefusal(HttpContext context, string action, string reason)
    {
        var address = ClientAddress.Of(context);
        context.RequestServices.GetRequiredService<CredentialFailureLimiter>().RecordFailure(address);
        context.RequestServices.GetRequiredService<RefusalAuditBuffer>().Record(address, action, reason);
    }
}
