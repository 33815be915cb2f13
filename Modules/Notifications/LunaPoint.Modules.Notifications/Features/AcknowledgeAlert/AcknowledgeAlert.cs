using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Live;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>An operator acknowledges an alert; <paramref name="By"/> is the signed-in user's name.</summary>
internal sealed record AcknowledgeAlert(Guid Id, string? Comment, string By) : ICommand<AcknowledgementView>;

internal sealed class AcknowledgeAlertHandler(NotificationsDbContext db, ISender sender, IHubContext<AlertsHub> hub, TimeProvider clock)
    : ICommandHandler<AcknowledgeAlert, AcknowledgementView>
{
    public async ValueTask<AcknowledgementView> Handle(AcknowledgeAlert command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();

        // One conditional update: of two operators racing (on one host or two) exactly one changes the row;
        // clearing EscalateAt in the same statement keeps the escalation worker from escalating it after.
        var changed = await db.Alerts.Where(a => a.Id == command.Id && a.AcknowledgedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.AcknowledgedAt, now)
            .SetProperty(a => a.AcknowledgedBy, command.By)
            .SetProperty(a => a.AcknowledgeComment, comment)
            .SetProperty(a => a.EscalateAt, (DateTimeOffset?)null), cancellationToken);
        if (changed == 0)
        {
            var existing = await db.Alerts.AsNoTracking().Where(a => a.Id == command.Id).Select(a => new { a.AcknowledgedBy }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("alert", command.Id);
            throw new ConflictException("alert.alreadyAcknowledged", $"The alert was already acknowledged by {existing.AcknowledgedBy}.");
        }

        var view = new AcknowledgementView(command.Id, command.By, now, comment);
        await sender.Send(new RecordAuditEntry(NotificationsModule.Name, "alert.acknowledged", Target: $"alert {command.Id}", After: view), cancellationToken);
        // Stored first, then told: a panel that misses this (reconnecting) reads it back from GET /alerts.
        await hub.Clients.All.SendAsync(AlertsHub.AlertAcknowledged, view, CancellationToken.None);
        return view;
    }
}
