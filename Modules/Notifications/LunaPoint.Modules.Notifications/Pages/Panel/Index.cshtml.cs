using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Modules.Notifications.Features;
using LunaPoint.Modules.Notifications.Live;
using LunaPoint.SharedKernel.Data;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LunaPoint.Modules.Notifications.Pages.Panel;

/// <summary>
/// The console's home: the latest alerts, newest first, then each new one live (panel.js on the hub) with
/// acknowledgement for operators, the pause banner and the system status line (moved here from the host).
/// Newest first rather than unacknowledged first: live alerts arrive at the top, and an acknowledgement
/// must not make a card jump while someone reads it; unacknowledged cards stand out and are counted.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.View)]
internal sealed class OperatorPanelModel(ISender sender, RuleCache rules, HealthCheckService health, TimeProvider clock) : PageModel
{
    public const int Shown = 50;

    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];

    public PauseView Pause { get; private set; } = new(false, null, null, null);

    public bool CanAcknowledge { get; private set; }

    public HealthStatus Status { get; private set; }

    public string StatusText => Status switch
    {
        HealthStatus.Healthy => "All modules are ready.",
        HealthStatus.Degraded => "Ready, with warnings.",
        _ => "Not ready: see Monitoring.",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanAcknowledge = User.IsInRole(Roles.Operator) || User.IsInRole(Roles.Administrator);
        Alerts = (await sender.Send(new ListAlerts(PageSize: Shown), cancellationToken)).Items;
        var snapshot = await rules.GetAsync(cancellationToken);
        Pause = snapshot.IsPaused(clock.GetUtcNow()) && snapshot.Pause is { } p ? new PauseView(true, p.PausedBy, p.PausedAt, p.Until) : Pause;
        Status = (await health.CheckHealthAsync(c => c.Tags.Contains(ModuleDatabaseExtensions.ReadyTag), cancellationToken)).Status;
    }
}
