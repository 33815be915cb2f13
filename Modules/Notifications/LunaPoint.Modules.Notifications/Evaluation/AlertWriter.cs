using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// Raises one alert of one rule: in one transaction the cooldown mark, the alert and one outbox row per
/// (channel, recipient), then wakes the dispatcher. Either all of it is stored or none, so an alert is
/// never half-raised and never lost once this returns true.
/// </summary>
internal sealed class AlertWriter(NotificationsDbContext db, OutboxSignal signal, TimeProvider clock)
{
    /// <summary>
    /// False when the rule's cooldown for <paramref name="cooldownSubject"/> (face, track or stream) is
    /// still running, here or on another host; the alert is then not raised.
    /// </summary>
    public async Task<bool> RaiseAsync(NotificationRule rule, Alert alert, string? cooldownSubject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (rule.CooldownSeconds > 0 && cooldownSubject is not null)
        {
            var mark = await db.Cooldowns.FirstOrDefaultAsync(c => c.RuleId == rule.Id && c.SubjectKey == cooldownSubject, cancellationToken);
            if (mark is not null && mark.LastAlertAt.AddSeconds(rule.CooldownSeconds) > now)
            {
                return false;
            }

            if (mark is null)
            {
                db.Cooldowns.Add(new CooldownMark { RuleId = rule.Id, SubjectKey = cooldownSubject, LastAlertAt = now });
            }
            else
            {
                mark.LastAlertAt = now;
            }
        }

        alert.EscalateAt = rule.EscalateAfterSeconds is { } after && rule.EscalationChannels.Count > 0 ? now.AddSeconds(after) : null;
        db.Alerts.Add(alert);
        AddDeliveries(alert, rule.Channels, escalation: false, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseRefusal.IsUniqueViolation(ex))
        {
            // Another host raised the same rule for the same subject a moment ago: its cooldown holds.
            db.ChangeTracker.Clear();
            return false;
        }

        signal.Wake();
        return true;
    }

    /// <summary>Outbox rows of <paramref name="channels"/> for an alert (its escalation, or the rule's channels).</summary>
    public void AddDeliveries(Alert alert, IEnumerable<ChannelSpec> channels, bool escalation, DateTimeOffset now)
    {
        foreach (var channel in channels)
        {
            foreach (var recipient in channel.RecipientList().Distinct(StringComparer.Ordinal))
            {
                db.Deliveries.Add(new Delivery
                {
                    Id = Guid.CreateVersion7(now),
                    AlertId = alert.Id,
                    RuleId = alert.RuleId,
                    Channel = channel.Type,
                    Recipient = recipient,
                    Target = channel,
                    Escalation = escalation,
                    Status = DeliveryStatus.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
    }
}
