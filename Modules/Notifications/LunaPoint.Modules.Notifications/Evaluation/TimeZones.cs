using System.Collections.Concurrent;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>IANA time zones by id, looked up once each.</summary>
internal static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Found = new(StringComparer.Ordinal);

    /// <summary>The zone, or null when this machine does not know the id.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : Found.GetOrAdd(id, static key =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(key);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                return null;
            }
        });

    /// <summary>
    /// A schedule's zone: its own, else the module's <c>TimeZone</c> setting, else UTC (rules are validated
    /// against known ids when saved; this covers a host whose time zone data lacks one).
    /// </summary>
    public static TimeZoneInfo ForSchedule(string? ruleZone, string? defaultZone) =>
        Find(ruleZone) ?? Find(defaultZone) ?? TimeZoneInfo.Utc;
}
