using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// Conditions, and which trigger each one means something for: a face condition on a stream or licence
/// rule would silently never apply, so it is refused rather than stored.
/// </summary>
internal static class ConditionRules
{
    public static void Check(ConditionsRequest? c, AlertTrigger? trigger, Action<string, string> fail)
    {
        if (c is null)
        {
            return;
        }

        Ids(c.StreamIds, "conditions.streamIds", fail);
        Ids(c.ListIds, "conditions.listIds", fail);
        if (c.MinSimilarity is { } similarity && (double.IsNaN(similarity) || similarity is < 0 or > 1))
        {
            fail("conditions.minSimilarity", "must be between 0 and 1.");
        }

        if (c.MinAge is < 0 or > 150)
        {
            fail("conditions.minAge", "must be between 0 and 150.");
        }

        if (c.MaxAge is < 0 or > 150)
        {
            fail("conditions.maxAge", "must be between 0 and 150.");
        }
        else if (c.MinAge is { } min && c.MaxAge is { } max && min > max)
        {
            fail("conditions.maxAge", "must not be below minAge.");
        }

        if (c.Gender is not null && c.Gender is not ("male" or "female"))
        {
            fail("conditions.gender", "must be male or female.");
        }

        if (c.DownAfterSeconds is < 1 or > RuleRequestValidator.MaxSeconds)
        {
            fail("conditions.downAfterSeconds", $"must be between 1 and {RuleRequestValidator.MaxSeconds}.");
        }

        ScheduleRules.Check(c.Schedule, fail);
        if (trigger is { } t)
        {
            Applicable(c, t, fail);
        }
    }

    private static void Applicable(ConditionsRequest c, AlertTrigger trigger, Action<string, string> fail)
    {
        var name = Live.AlertMapping.TriggerName(trigger);
        if (trigger != AlertTrigger.WatchlistMatch)
        {
            NotFor(c.ListIds is { Count: > 0 }, "conditions.listIds", "watchlistMatch", name, fail);
            NotFor(c.MinSimilarity is not null, "conditions.minSimilarity", "watchlistMatch", name, fail);
        }

        if (!RuleRequestValidator.IsFaceTrigger(trigger))
        {
            NotFor(c.MinAge is not null, "conditions.minAge", "face triggers", name, fail);
            NotFor(c.MaxAge is not null, "conditions.maxAge", "face triggers", name, fail);
            NotFor(c.Gender is not null, "conditions.gender", "face triggers", name, fail);
        }

        if (RuleRequestValidator.IsLicenceTrigger(trigger))
        {
            NotFor(c.StreamIds is { Count: > 0 }, "conditions.streamIds", "face and stream triggers", name, fail);
        }

        if (trigger != AlertTrigger.StreamDown)
        {
            NotFor(c.DownAfterSeconds is not null, "conditions.downAfterSeconds", "streamDown", name, fail);
        }
    }

    private static void NotFor(bool given, string path, string meaningfulFor, string trigger, Action<string, string> fail)
    {
        if (given)
        {
            fail(path, $"applies to {meaningfulFor} only, not to {trigger}; leave it out.");
        }
    }

    private static void Ids(IReadOnlyList<Guid>? ids, string path, Action<string, string> fail)
    {
        if (ids is { Count: > RuleRequestValidator.MaxIds })
        {
            fail(path, $"must name at most {RuleRequestValidator.MaxIds} ids.");
        }

        for (var i = 0; ids is not null && i < ids.Count; i++)
        {
            if (ids[i] == Guid.Empty)
            {
                fail($"{path}[{i}]", "is not an id.");
            }
        }
    }
}
