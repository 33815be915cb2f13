using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace LunaPoint.Modules.Notifications.Live;

/// <summary>
/// The operator panel's live feed at <c>/api/v1/alerts/live</c>, for any signed-in user (cookie or bearer).
/// Clients only listen; they acknowledge through REST so the audit and checks stay in one place.
/// Server-to-client methods: <see cref="AlertRaised"/> (an <see cref="AlertView"/>), <see cref="AlertAcknowledged"/>
/// (an <see cref="AcknowledgementView"/>), <see cref="PauseChanged"/> (a <see cref="PauseView"/>).
/// </summary>
[Authorize(Policy = AuthorizationPolicies.View)]
// The connection's negotiate and long-polling requests are POSTs, which the View policy refuses viewers by
// default; nothing a client sends here changes anything (the hub has no methods), so viewers may send them.
[AllowViewerChanges]
internal sealed class AlertsHub : Hub
{
    public const string Path = "/alerts/live";
    public const string AlertRaised = "alertRaised";
    public const string AlertAcknowledged = "alertAcknowledged";
    public const string PauseChanged = "pauseChanged";
}
