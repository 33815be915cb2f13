using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// Sends alerts nobody acknowledged within their rule's <c>escalateAfterSeconds</c> to the rule's escalation
/// channels, once: in one transaction it sets <see cref="Domain.Alert.EscalatedAt"/> only where it is still
/// null and the alert still unacknowledged (so two hosts, or an acknowledgement racing it, never escalate
/// twice) and adds the escalation outbox rows, then wakes the dispatcher.
/// </summary>
internal sealed class EscalationWorker(BackgroundWork work, OutboxSignal signal, IOptions<NotificationsOptions> options)
    : PeriodicBackgroundService(work)
{
    private const int BatchSize = 50;

    protected override string Name => "Alert escalation";

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(0.1, options.Value.Evaluation.EscalationPollSeconds));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NotificationsDbContext>();
        var writer = services.GetRequiredService<AlertWriter>();
        var now = Work.Clock.GetUtcNow();
        var due = await db.Alerts.AsNoTracking()
            .Where(a => a.EscalateAt != null && a.EscalateAt <= now && a.AcknowledgedAt == null && a.EscalatedAt == null)
            .OrderBy(a => a.EscalateAt)
            .Select(a => new { a.Id, a.RuleId })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var item in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Alerts
                .Where(a => a.Id == item.Id && a.EscalatedAt == null && a.AcknowledgedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EscalatedAt, now).SetProperty(a => a.EscalateAt, (DateTimeOffset?)null), cancellationToken);
            if (claimed == 0)
            {
                continue; // acknowledged meanwhile, or escalated by another host
            }

            // A rule deleted since keeps its alert; there is nobody left to escalate to.
            var rule = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == item.RuleId, cancellationToken);
            // AddDeliveries reads only the ids; the alert row itself is not loaded (its face crop can be large).
            var alert = new Domain.Alert { Id = item.Id, RuleId = item.RuleId, RuleName = "", Title = "" };
            writer.AddDeliveries(alert, rule?.EscalationChannels ?? [], escalation: true, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            escalated++;
        }

        if (escalated > 0)
        {
            signal.Wake();
        }
    }
}
