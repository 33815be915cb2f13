using System.Text.Json;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LunaPoint.Host.Health;

internal static class HealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// /health/live: the process answers (no checks, for restarts). /health/ready: every module's
    /// schema is migrated and the face models are loaded (for load balancers and the Docker HEALTHCHECK).
    /// Anonymous callers get the status alone; each check's details need a signed-in user.
    /// </summary>
    public static void MapLunaPointHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteReport }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ModuleDatabaseExtensions.ReadyTag),
            ResponseWriter = WriteReport,
        }).AllowAnonymous();
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        if (!HealthDetails.MayReadChecks(context.User))
        {
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }, Json));
        }

        var body = new
        {
            status = report.Status.ToString(),
            totalMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = HealthDetails.Describe(e.Value.Description, context.User), ms = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
