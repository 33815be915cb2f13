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
internal sealed class AlertWriter(NotificationsDbContext db, OutboxSignal signal, RecentAlerts recent, TimeProvider clock)
{
    /// <summary>
    /// False when the rule's cooldown for <paramref name="cooldownSubject"/> (face, track or stream) is
    /// still running, here or on another host; the alert is then not raised.
    /// </summary>
    public async Task<bool> RaiseAsync(NotificationRule rule, Alert alert, string? cooldownSubject, CancellationToken cancellationToken)
    {
        try
        {
            return (await RaiseManyAsync([new PendingAlert(rule, alert, cooldownSubject)], cancellationToken)).Count == 1;
        }
        catch (DbUpdateException ex) when (DatabaseRefusal.IsUniqueViolation(ex))
        {
            // Another host raised the same rule for the same subject a moment ago: its cooldown holds.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Raises several alerts in one transaction (the fact writer's batches: one commit for many alerts is
    /// what keeps up with a busy site); answers those raised, the others being in their cooldown (also
    /// within the batch). A unique-key refusal (another host's cooldown mark) fails the whole batch, which
    /// the caller then raises one by one.
    /// </summary>
    public async Task<IReadOnlyList<Alert>> RaiseManyAsync(IReadOnlyList<PendingAlert> pending, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keyed = pending.Where(p => p.Rule.CooldownSeconds > 0 && p.CooldownSubject is not null).ToList();
        var ruleIds = keyed.Select(p => p.Rule.Id).Distinct().ToList();
        var subjects = keyed.Select(p => p.CooldownSubject!).Distinct().ToList();
        var marks = keyed.Count == 0
            ? []
            : await db.Cooldowns.Where(c => ruleIds.Contains(c.RuleId) && subjects.Contains(c.SubjectKey)).ToListAsync(cancellationToken);
        var byKey = marks.ToDictionary(m => (m.RuleId, m.SubjectKey));
        var raised = new List<Alert>(pending.Count);
        foreach (var (rule, alert, subject) in pending)
        {
            if (rule.CooldownSeconds > 0 && subject is not null)
            {
                if (byKey.TryGetValue((rule.Id, subject), out var mark))
                {
                    if (mark.LastAlertAt.AddSeconds(rule.CooldownSeconds) > now)
                    {
                        continue;
                    }

                    mark.LastAlertAt = now;
                }
                else
                {
                    mark = new CooldownMark { RuleId = rule.Id, SubjectKey = subject, LastAlertAt = now };
                    db.Cooldowns.Add(mark);
                    byKey[(rule.Id, subject)] = mark;
                }
            }

            alert.EscalateAt = rule.EscalateAfterSeconds is { } after && rule.EscalationChannels.Count > 0 ? now.AddSeconds(after) : null;
            db.Alerts.Add(alert);
            AddDeliveries(alert, rule.Channels, escalation: false, now);
            raised.Add(alert);
        }

        if (raised.Count > 0 || db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var alert in raised)
            {
                recent.Remember(alert);
            }

            signal.Wake();
        }

        return raised;
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
