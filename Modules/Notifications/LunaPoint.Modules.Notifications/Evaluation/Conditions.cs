using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// The conditions of a rule, one test each, pure (no clock, no database) so they are tested as tables.
/// A condition left null or empty lets everything through.
/// </summary>
internal static class Conditions
{
    public static bool StreamAllowed(RuleConditions conditions, Guid? streamId) =>
        conditions.StreamIds is not { Count: > 0 } ids || (streamId is { } id && ids.Contains(id));

    /// <summary>With an age range, only a face whose age was estimated and lies inside it (bounds included) passes.</summary>
    public static bool AgeAllowed(RuleConditions conditions, double? age)
    {
        if (conditions.MinAge is null && conditions.MaxAge is null)
        {
            return true;
        }

        return age is { } years
            && (conditions.MinAge is not { } min || years >= min)
            && (conditions.MaxAge is not { } max || years <= max);
    }

    /// <summary>With a gender, only a face whose gender was estimated as that one passes.</summary>
    public static bool GenderAllowed(RuleConditions conditions, string? gender) =>
        string.IsNullOrEmpty(conditions.Gender) || string.Equals(conditions.Gender, gender, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The best candidate the rule may alert on: in one of its lists, at least its similarity, and of a list
    /// that notifies (a list with notify off raises nothing). Candidates come best first.
    /// </summary>
    public static MatchedFace? BestCandidate(RuleConditions conditions, IReadOnlyList<MatchedFace> candidates) =>
        candidates.FirstOrDefault(c =>
            c.Notify
            && (conditions.ListIds is not { Count: > 0 } lists || lists.Contains(c.ListId))
            && (conditions.MinSimilarity is not { } min || c.Similarity >= min));

    /// <summary>True when the rule narrows by list or similarity, so a face without a passing candidate cannot pass.</summary>
    public static bool NeedsCandidate(RuleConditions conditions) =>
        conditions.ListIds is { Count: > 0 } || conditions.MinSimilarity is not null;

    /// <summary>
    /// Whether <paramref name="at"/> falls in the weekly window: its local day (in <paramref name="zone"/>, with
    /// that zone's daylight saving on that date) is one of the days, and its local time is from
    /// <see cref="RuleSchedule.From"/> (included) to <see cref="RuleSchedule.To"/> (excluded). No days: every day.
    /// </summary>
    public static bool InSchedule(RuleSchedule? schedule, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (schedule is null)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return (schedule.Days.Count == 0 || schedule.Days.Contains(local.DayOfWeek))
            && time >= schedule.From && time < schedule.To;
    }

    /// <summary>Stream, schedule, age and gender: what every face trigger checks.</summary>
    public static bool FaceAllowed(RuleConditions conditions, EventShot shot, TimeZoneInfo zone) =>
        StreamAllowed(conditions, shot.StreamId)
        && InSchedule(conditions.Schedule, shot.CapturedAt, zone)
        && AgeAllowed(conditions, shot.Age)
        && GenderAllowed(conditions, shot.Gender);
}
