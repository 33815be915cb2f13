using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>What building an alert needs besides the fact: the time now and the zones of schedules and messages.</summary>
internal sealed record AlertContext(DateTimeOffset Now, string DefaultTimeZone)
{
    /// <summary>The zone times in alert texts are shown in (the module's <c>TimeZone</c> setting).</summary>
    public TimeZoneInfo DisplayZone { get; } = TimeZones.ForSchedule(null, DefaultTimeZone);

    public TimeZoneInfo ScheduleZone(NotificationRule rule) =>
        TimeZones.ForSchedule(rule.Conditions.Schedule?.TimeZone, DefaultTimeZone);

    public Guid NewId() => Guid.CreateVersion7(Now);
}
