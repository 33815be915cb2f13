using System.Globalization;
using System.Text;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>Builds the alerts of camera health and of the licence.</summary>
internal static class SystemAlerts
{
    public static Alert StreamDown(NotificationRule rule, StreamHealth stream, DateTimeOffset downSince, AlertContext context)
    {
        var lines = new StringBuilder();
        Text.Line(lines, "Reason", stream.Status == StreamState.Failed ? stream.LastError ?? "the stream failed" : "no frames");
        Text.Line(lines, "Down since", Text.LocalTime(downSince, context.DisplayZone));
        Text.Line(lines, "Last frame", stream.LastFrameAt is { } last ? Text.LocalTime(last, context.DisplayZone) : "none");
        return Stream(rule, AlertTrigger.StreamDown, stream, $"Stream {stream.Name} is down", lines, downSince, context);
    }

    public static Alert StreamUp(NotificationRule rule, StreamHealth stream, DateTimeOffset downSince, AlertContext context)
    {
        var lines = new StringBuilder();
        var seconds = (context.Now - downSince).TotalSeconds;
        Text.Line(lines, "Down for", string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"));
        Text.Line(lines, "Frames again since", stream.LastFrameAt is { } last ? Text.LocalTime(last, context.DisplayZone) : null);
        return Stream(rule, AlertTrigger.StreamUp, stream, $"Stream {stream.Name} is back", lines, stream.LastFrameAt ?? context.Now, context);
    }

    public static Alert Expiring(NotificationRule rule, LicenseExpiring fact, AlertContext context) =>
        License(rule, AlertTrigger.LicenseExpiring,
            fact.DaysLeft <= 0 ? "The licence expires today" : $"The licence expires in {fact.DaysLeft} day(s)",
            $"Licensee: {fact.Licensee}\nExpires: {Text.LocalTime(fact.ExpiresAt, context.DisplayZone)}", context.Now, context);

    /// <summary>An expired licence is the last "expiring" warning, with no days left: analysis has stopped.</summary>
    public static Alert Expired(NotificationRule rule, LicenseExpired fact, AlertContext context) =>
        License(rule, AlertTrigger.LicenseExpiring, "The licence has expired: analysis is paused",
            $"Licensee: {fact.Licensee}\nExpired: {Text.LocalTime(fact.ExpiredAt, context.DisplayZone)}\nDays left: 0", fact.ExpiredAt, context);

    public static Alert LimitReached(NotificationRule rule, LicenseLimitReached fact, AlertContext context) =>
        License(rule, AlertTrigger.LicenseLimitReached, $"Licence limit reached: {LicenceLimits.Name(fact.Limit)}", fact.Detail, context.Now, context);

    private static Alert Stream(NotificationRule rule, AlertTrigger trigger, StreamHealth stream, string title, StringBuilder lines, DateTimeOffset occurredAt, AlertContext context)
    {
        Text.Line(lines, "Location", stream.LocationAddress);
        return new Alert
        {
            Id = context.NewId(),
            RuleId = rule.Id,
            RuleName = rule.Name,
            Trigger = trigger,
            OccurredAt = occurredAt,
            CreatedAt = context.Now,
            Title = Text.Cut(title, 500)!,
            Details = Text.Cut(lines.ToString().TrimEnd(), 4000),
            StreamId = stream.Id,
            StreamName = Text.Cut(stream.Name, 200),
            Location = Text.Cut(stream.LocationAddress, 500),
        };
    }

    private static Alert License(NotificationRule rule, AlertTrigger trigger, string title, string details, DateTimeOffset occurredAt, AlertContext context) => new()
    {
        Id = context.NewId(),
        RuleId = rule.Id,
        RuleName = rule.Name,
        Trigger = trigger,
        OccurredAt = occurredAt,
        CreatedAt = context.Now,
        Title = Text.Cut(title, 500)!,
        Details = Text.Cut(details, 4000),
    };
}
