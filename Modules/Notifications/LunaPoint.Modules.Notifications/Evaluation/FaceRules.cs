using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>An alert a rule wants raised, with the subject its cooldown counts per.</summary>
internal sealed record PendingAlert(NotificationRule Rule, Alert Alert, string? CooldownSubject);

/// <summary>
/// Which rules a face fact raises alerts for: one alert per matching rule. <c>watchlistMatch</c> takes the
/// best candidate that passes the rule's lists, similarity and the list's notify flag; <c>unknownFace</c>
/// a track that matched nobody; <c>livenessSpoof</c> either fact whose shot was judged a spoof.
/// </summary>
internal static class FaceRules
{
    public const string Spoof = "spoof";

    public static IEnumerable<PendingAlert> Evaluate(IEnumerable<NotificationRule> rules, WatchlistMatched fact, AlertContext context)
    {
        var shot = fact.Shot;
        foreach (var rule in rules)
        {
            if (!Conditions.FaceAllowed(rule.Conditions, shot, context.ScheduleZone(rule)))
            {
                continue;
            }

            var candidate = Conditions.BestCandidate(rule.Conditions, fact.Candidates);
            if (rule.Trigger == AlertTrigger.WatchlistMatch && candidate is not null)
            {
                yield return new PendingAlert(rule, AlertFactory.Match(rule, shot, candidate, context), $"face:{candidate.FaceId}");
            }
            else if (rule.Trigger == AlertTrigger.LivenessSpoof && IsSpoof(shot)
                && (candidate is not null || !Conditions.NeedsCandidate(rule.Conditions)))
            {
                yield return new PendingAlert(rule, AlertFactory.Spoof(rule, shot, candidate, context), $"track:{shot.TrackId}");
            }
        }
    }

    public static IEnumerable<PendingAlert> Evaluate(IEnumerable<NotificationRule> rules, UnknownFaceSeen fact, AlertContext context)
    {
        var shot = fact.Shot;
        foreach (var rule in rules)
        {
            if (!Conditions.FaceAllowed(rule.Conditions, shot, context.ScheduleZone(rule)))
            {
                continue;
            }

            if (rule.Trigger == AlertTrigger.UnknownFace)
            {
                yield return new PendingAlert(rule, AlertFactory.Unknown(rule, shot, context), $"track:{shot.TrackId}");
            }
            else if (rule.Trigger == AlertTrigger.LivenessSpoof && IsSpoof(shot) && !Conditions.NeedsCandidate(rule.Conditions))
            {
                yield return new PendingAlert(rule, AlertFactory.Spoof(rule, shot, null, context), $"track:{shot.TrackId}");
            }
        }
    }

    /// <summary>Detection names the liveness verdict real, spoof or unknown (Events stores it as given).</summary>
    public static bool IsSpoof(EventShot shot) => string.Equals(shot.Liveness, Spoof, StringComparison.OrdinalIgnoreCase);
}
