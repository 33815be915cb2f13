using System.Reflection;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LunaPoint.Host.Pages;

internal sealed class MonitoringModel(HealthCheckService health, IConfiguration configuration, IWebHostEnvironment environment) : PageModel
{
    public HealthReport Report { get; private set; } = null!;

    public string Database { get; private set; } = "";

    public string Version { get; } = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await health.CheckHealthAsync(c => c.Tags.Contains(ModuleDatabaseExtensions.ReadyTag), cancellationToken);
        var settings = DatabaseSettings.From(configuration, environment.ContentRootPath);
        // Never show the connection string: it may carry a password.
        Database = settings.Provider == DatabaseProvider.Postgres
            ? "PostgreSQL, one schema per module"
            : $"embedded SQLite, one file per module in {settings.DataDir}";
    }
}
