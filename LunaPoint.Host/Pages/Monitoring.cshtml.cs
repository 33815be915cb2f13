using System.Reflection;
using LunaPoint.Host.Health;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LunaPoint.Host.Pages;

internal sealed class MonitoringModel(HealthCheckService health, IConfiguration configuration, IWebHostEnvironment environment) : PageModel
{
    public HealthReport Report { get; private set; } = null!;

    public string Database { get; private set; } = "";

    /// <summary>The commit the build came from is for administrators only (<see cref="HealthDetails"/>).</summary>
    public string Version => HealthDetails.Version(BuildVersion, User);

    private static string BuildVersion { get; } = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public string? Describe(string? description) => HealthDetails.Describe(description, User);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await health.CheckHealthAsync(c => c.Tags.Contains(ModuleDatabaseExtensions.ReadyTag), cancellationToken);
        var settings = DatabaseSettings.From(configuration, environment.ContentRootPath);
        // Never show the connection string: it may carry a password.
        Database = settings.Provider == DatabaseProvider.Postgres
            ? "PostgreSQL, one schema per module"
            : HealthDetails.MayReadPaths(User) ? $"embedded SQLite, one file per module in {settings.DataDir}" : "embedded SQLite, one file per module";
    }
}
