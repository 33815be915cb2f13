using System.Globalization;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>The words of the rule API: trigger, channel and day names, and "HH:mm" times.</summary>
internal static class RuleNames
{
    public static readonly IReadOnlyList<string> Triggers = Enum.GetValues<AlertTrigger>().Select(AlertMapping.TriggerName).ToList();
    public static readonly IReadOnlyList<string> Channels = Enum.GetValues<ChannelType>().Select(AlertMapping.ChannelName).ToList();

    /// <summary>Monday first, as a week is read in the console.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>"24:00" stands for the end of the day; TimeOnly has no such value, so it is kept as its last tick.</summary>
    public const string EndOfDay = "24:00";

    public static bool TryTrigger(string? name, out AlertTrigger trigger) => TryName(name, Triggers, out trigger);

    public static bool TryChannel(string? name, out ChannelType channel) => TryName(name, Channels, out channel);

    public static string DayName(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>"monday" or "mon", any case.</summary>
    public static bool TryDay(string? name, out DayOfWeek day)
    {
        var match = Week.Where(d => name is { Length: >= 3 } && (string.Equals(DayName(d), name, StringComparison.OrdinalIgnoreCase)
            || (name.Length == 3 && DayName(d).StartsWith(name, StringComparison.OrdinalIgnoreCase)))).ToList();
        day = match.FirstOrDefault();
        return match.Count == 1;
    }

    public static bool TryTime(string? text, out TimeOnly time)
    {
        if (text == EndOfDay)
        {
            time = TimeOnly.MaxValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    public static string TimeText(TimeOnly time) => time == TimeOnly.MaxValue ? EndOfDay : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static bool TryName<T>(string? name, IReadOnlyList<string> names, out T value)
        where T : struct, Enum
    {
        var index = names.ToList().FindIndex(n => string.Equals(n, name, StringComparison.Ordinal));
        value = index >= 0 ? Enum.GetValues<T>()[index] : default;
        return index >= 0;
    }
}
