using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LunaPoint.Host.Pages;

internal sealed class IndexModel(HealthCheckService health) : PageModel
{
    public HealthReport Report { get; private set; } = null!;

    public string Summary => Report.Status switch
    {
        HealthStatus.Healthy => "All modules are ready.",
        HealthStatus.Degraded => "Ready, with warnings.",
        _ => $"Not ready: {Report.Entries.Count(e => e.Value.Status == HealthStatus.Unhealthy)} check(s) failing.",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await health.CheckHealthAsync(c => c.Tags.Contains(ModuleDatabaseExtensions.ReadyTag), cancellationToken);
}
