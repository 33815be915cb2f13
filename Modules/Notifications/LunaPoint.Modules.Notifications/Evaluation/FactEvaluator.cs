using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Notifications.Domain;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// Turns one fact into the alerts the enabled rules want, none while alerts are paused. Face conditions are
/// checked at the shot's capture time; licence facts against the time now.
/// </summary>
internal sealed class FactEvaluator(RuleCache rules, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    public async ValueTask<IReadOnlyList<PendingAlert>> EvaluateAsync(object fact, CancellationToken cancellationToken)
    {
        var snapshot = await rules.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (snapshot.IsPaused(now) || snapshot.Rules.Count == 0)
        {
            return [];
        }

        var context = new AlertContext(now, options.Value.TimeZone);
        return fact switch
        {
            WatchlistMatched matched => FaceRules.Evaluate(Of(snapshot, AlertTrigger.WatchlistMatch, AlertTrigger.LivenessSpoof), matched, context).ToList(),
            UnknownFaceSeen unknown => FaceRules.Evaluate(Of(snapshot, AlertTrigger.UnknownFace, AlertTrigger.LivenessSpoof), unknown, context).ToList(),
            LicenseExpiring expiring => License(snapshot, AlertTrigger.LicenseExpiring, "expiring", context,
                rule => SystemAlerts.Expiring(rule, expiring, context)),
            LicenseExpired expired => License(snapshot, AlertTrigger.LicenseExpiring, "expired", context,
                rule => SystemAlerts.Expired(rule, expired, context)),
            LicenseLimitReached limit => License(snapshot, AlertTrigger.LicenseLimitReached, limit.Limit, context,
                rule => SystemAlerts.LimitReached(rule, limit, context)),
            _ => [],
        };
    }

    private static IEnumerable<NotificationRule> Of(RuleSnapshot snapshot, AlertTrigger first, AlertTrigger second) =>
        snapshot.Rules.Where(r => r.Trigger == first || r.Trigger == second);

    private static List<PendingAlert> License(RuleSnapshot snapshot, AlertTrigger trigger, string subject, AlertContext context, Func<NotificationRule, Alert> build) =>
        snapshot.Rules
            .Where(r => r.Trigger == trigger && Conditions.InSchedule(r.Conditions.Schedule, context.Now, context.ScheduleZone(r)))
            .Select(r => new PendingAlert(r, build(r), Text.Cut($"licence:{subject}", 100)))
            .ToList();
}
