namespace LunaPoint.Modules.Notifications.Features;

/// <summary>A weekly window: some days, from before to, in a time zone this machine knows by its IANA id.</summary>
internal static class ScheduleRules
{
    public const int MaxTimeZoneLength = 100;

    public static void Check(ScheduleRequest? s, Action<string, string> fail)
    {
        if (s is null)
        {
            return;
        }

        if (s.Days is not { Count: > 0 })
        {
            fail("conditions.schedule.days", "must name at least one day (monday..sunday or mon..sun).");
        }
        else if (s.Days.Count > 7)
        {
            fail("conditions.schedule.days", "must name each day at most once.");
        }
        else
        {
            for (var i = 0; i < s.Days.Count; i++)
            {
                if (!RuleNames.TryDay(s.Days[i], out _))
                {
                    fail($"conditions.schedule.days[{i}]", "must be a day: monday..sunday or mon..sun.");
                }
            }
        }

        var from = Time(s.From, "conditions.schedule.from", fail);
        var to = Time(s.To, "conditions.schedule.to", fail);
        if (from is { } f && to is { } t && f >= t)
        {
            fail("conditions.schedule.to", "must be after from (a night shift is two rules: until 24:00 and from 00:00).");
        }

        if (s.TimeZone is not null && !IsIanaZone(s.TimeZone))
        {
            fail("conditions.schedule.timeZone", "must be an IANA time zone such as Europe/Berlin or UTC.");
        }
    }

    public static bool IsIanaZone(string id) =>
        id.Length is > 0 and <= MaxTimeZoneLength && !id.Any(char.IsControl)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && zone.HasIanaId;

    private static TimeOnly? Time(string? text, string path, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(text))
        {
            fail(path, "is required (HH:mm).");
            return null;
        }

        if (!RuleNames.TryTime(text, out var time) || (path.EndsWith("from", StringComparison.Ordinal) && text == RuleNames.EndOfDay))
        {
            fail(path, "must be a time HH:mm, 00:00 to 24:00.");
            return null;
        }

        return time;
    }
}
