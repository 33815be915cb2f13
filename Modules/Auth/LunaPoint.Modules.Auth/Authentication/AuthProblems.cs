using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>Writes 401/403 answers of the API as problem+json and records refused credentials.</summary>
internal static class AuthProblems
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static Task WriteAsync(HttpContext context, int status, string detail) =>
        context.WriteProblemAsync(status, status == StatusCodes.Status401Unauthorized ? "Unauthorized." : "Forbidden.", detail);

    /// <summary>A presented credential was refused: worth an audit line (who tried, from where).</summary>
    public static async Task AuditRefusedAsync(HttpContext context, string action, string reason)
    {
        var sender = context.RequestServices.GetRequiredService<ISender>();
        await sender.Send(new RecordAuditEntry(AuthModule.Name, action, Succeeded: false, Target: context.Request.Path, After: new { reason }));
    }
}
