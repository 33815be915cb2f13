using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;

namespace LunaPoint.Modules.Notifications.Features;

internal static class RuleMapping
{
    public static RuleDto ToDto(NotificationRule r) => new(
        r.Id, r.Name, r.Enabled, AlertMapping.TriggerName(r.Trigger), ToDto(r.Conditions), r.Channels.Select(ToDto).ToList(),
        r.CooldownSeconds, r.EscalateAfterSeconds, r.EscalationChannels.Select(ToDto).ToList(), r.CreatedAt, r.UpdatedAt);

    /// <summary>
    /// The rule for the audit log, which more people read and which is kept for longer: webhook URLs with
    /// credentials masked and the query cut (receivers put tokens in parameters of any name), as the
    /// delivery log shows them.
    /// </summary>
    public static RuleDto ToAuditDto(NotificationRule r) => ToDto(r) is var dto
        ? dto with { Channels = dto.Channels.Select(MaskUrl).ToList(), EscalationChannels = dto.EscalationChannels.Select(MaskUrl).ToList() }
        : dto;

    private static ChannelDto MaskUrl(ChannelDto c) => c.Url is null ? c : c with { Url = ErrorText.MaskUrl(c.Url) };

    /// <summary>The rule as a client would write it back, without secrets (PATCH merges onto this).</summary>
    public static RuleRequest ToRequest(NotificationRule r) => new(
        r.Name, AlertMapping.TriggerName(r.Trigger), ToRequest(r.Conditions), r.Channels.Select(ToRequest).ToList(), r.Enabled,
        r.CooldownSeconds, r.EscalateAfterSeconds, r.EscalationChannels.Select(ToRequest).ToList());

    /// <summary>A request the validator has passed, as stored; secrets already resolved.</summary>
    public static void Apply(RuleRequest request, NotificationRule rule)
    {
        rule.Name = request.Name!.Trim();
        rule.Enabled = request.Enabled;
        RuleNames.TryTrigger(request.Trigger, out var trigger);
        rule.Trigger = trigger;
        rule.Conditions = ToDomain(request.Conditions);
        rule.Channels = (request.Channels ?? []).Select(ToDomain).ToList();
        rule.CooldownSeconds = request.CooldownSeconds ?? RuleRequest.DefaultCooldownSeconds;
        rule.EscalateAfterSeconds = request.EscalateAfterSeconds;
        rule.EscalationChannels = (request.EscalationChannels ?? []).Select(ToDomain).ToList();
    }

    private static ConditionsDto ToDto(RuleConditions c) => new(
        c.StreamIds, c.ListIds, c.MinSimilarity, c.MinAge, c.MaxAge, c.Gender,
        c.Schedule is { } s ? new ScheduleDto(s.Days.Select(RuleNames.DayName).ToList(), RuleNames.TimeText(s.From), RuleNames.TimeText(s.To), s.TimeZone) : null,
        c.DownAfterSeconds);

    private static ChannelDto ToDto(ChannelSpec c) => new(
        AlertMapping.ChannelName(c.Type), c.Recipients, c.ChatIds, c.Url, c.Type == ChannelType.Webhook ? !string.IsNullOrEmpty(c.Secret) : null);

    private static ConditionsRequest ToRequest(RuleConditions c) => new(
        c.StreamIds, c.ListIds, c.MinSimilarity, c.MinAge, c.MaxAge, c.Gender,
        c.Schedule is { } s ? new ScheduleRequest(s.Days.Select(RuleNames.DayName).ToList(), RuleNames.TimeText(s.From), RuleNames.TimeText(s.To), s.TimeZone) : null,
        c.DownAfterSeconds);

    private static ChannelRequest ToRequest(ChannelSpec c) => new(AlertMapping.ChannelName(c.Type), c.Recipients, c.ChatIds, c.Url);

    private static RuleConditions ToDomain(ConditionsRequest? c) => c is null ? new RuleConditions() : new RuleConditions
    {
        StreamIds = c.StreamIds is { Count: > 0 } streams ? streams.Distinct().ToList() : null,
        ListIds = c.ListIds is { Count: > 0 } lists ? lists.Distinct().ToList() : null,
        MinSimilarity = c.MinSimilarity,
        MinAge = c.MinAge,
        MaxAge = c.MaxAge,
        Gender = c.Gender?.ToLowerInvariant(),
        Schedule = c.Schedule is { } s ? ToDomain(s) : null,
        DownAfterSeconds = c.DownAfterSeconds,
    };

    private static RuleSchedule ToDomain(ScheduleRequest s)
    {
        RuleNames.TryTime(s.From, out var from);
        RuleNames.TryTime(s.To, out var to);
        var days = (s.Days ?? []).Select(d => RuleNames.TryDay(d, out var day) ? day : default).Distinct();
        return new RuleSchedule { Days = RuleNames.Week.Where(days.Contains).ToList(), From = from, To = to, TimeZone = string.IsNullOrWhiteSpace(s.TimeZone) ? null : s.TimeZone.Trim() };
    }

    private static ChannelSpec ToDomain(ChannelRequest c)
    {
        RuleNames.TryChannel(c.Type, out var type);
        return new ChannelSpec
        {
            Type = type,
            Recipients = type == ChannelType.Email ? c.Recipients?.Select(r => r.Trim()).ToList() : null,
            ChatIds = type == ChannelType.Telegram ? c.ChatIds?.Select(r => r.Trim()).ToList() : null,
            Url = type == ChannelType.Webhook ? c.Url?.Trim() : null,
            Secret = type == ChannelType.Webhook ? c.Secret : null,
        };
    }
}
