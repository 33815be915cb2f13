using LunaPoint.Modules.Notifications.Features;
using Microsoft.AspNetCore.Mvc;

namespace LunaPoint.Modules.Notifications.Pages.Notifications.Rules;

/// <summary>
/// The rule form: channels as structured fields (one e-mail address or chat id per line, a webhook URL and
/// a write-only secret) rather than JSON. It builds the same <see cref="RuleRequest"/> as REST and puts the
/// validator's errors back on its own fields (<see cref="FieldFor"/>).
/// </summary>
internal sealed class RuleForm
{
    [ModelBinder(Name = "name")] public string? Name { get; set; }
    [ModelBinder(Name = "enabled")] public bool Enabled { get; set; } = true;
    [ModelBinder(Name = "trigger")] public string Trigger { get; set; } = "watchlistMatch";
    [ModelBinder(Name = "conditions.streamIds")] public List<Guid> StreamIds { get; set; } = [];
    [ModelBinder(Name = "conditions.listIds")] public List<Guid> ListIds { get; set; } = [];
    [ModelBinder(Name = "conditions.minSimilarity")] public double? MinSimilarity { get; set; }
    [ModelBinder(Name = "conditions.minAge")] public int? MinAge { get; set; }
    [ModelBinder(Name = "conditions.maxAge")] public int? MaxAge { get; set; }
    [ModelBinder(Name = "conditions.gender")] public string? Gender { get; set; }
    [ModelBinder(Name = "conditions.downAfterSeconds")] public int? DownAfterSeconds { get; set; }
    [ModelBinder(Name = "conditions.schedule.on")] public bool ScheduleOn { get; set; }
    [ModelBinder(Name = "conditions.schedule.days")] public List<string> Days { get; set; } = [];
    [ModelBinder(Name = "conditions.schedule.from")] public string? From { get; set; } = "08:00";
    [ModelBinder(Name = "conditions.schedule.to")] public string? To { get; set; } = "18:00";
    [ModelBinder(Name = "conditions.schedule.timeZone")] public string? TimeZone { get; set; }
    [ModelBinder(Name = "channels")] public ChannelFields Channels { get; set; } = new() { Console = true };
    [ModelBinder(Name = "cooldownSeconds")] public int? CooldownSeconds { get; set; } = RuleRequest.DefaultCooldownSeconds;
    [ModelBinder(Name = "escalateAfterSeconds")] public int? EscalateAfterSeconds { get; set; }
    [ModelBinder(Name = "escalationChannels")] public ChannelFields Escalation { get; set; } = new();

    public static RuleForm FromDto(RuleDto r) => new()
    {
        Name = r.Name, Enabled = r.Enabled, Trigger = r.Trigger,
        StreamIds = r.Conditions.StreamIds?.ToList() ?? [], ListIds = r.Conditions.ListIds?.ToList() ?? [],
        MinSimilarity = r.Conditions.MinSimilarity, MinAge = r.Conditions.MinAge, MaxAge = r.Conditions.MaxAge, Gender = r.Conditions.Gender,
        DownAfterSeconds = r.Conditions.DownAfterSeconds, ScheduleOn = r.Conditions.Schedule is not null,
        Days = r.Conditions.Schedule?.Days.ToList() ?? [], From = r.Conditions.Schedule?.From ?? "08:00", To = r.Conditions.Schedule?.To ?? "18:00",
        TimeZone = r.Conditions.Schedule?.TimeZone, Channels = ChannelFields.From(r.Channels), CooldownSeconds = r.CooldownSeconds,
        EscalateAfterSeconds = r.EscalateAfterSeconds, Escalation = ChannelFields.From(r.EscalationChannels),
    };

    public RuleRequest ToRequest() => new(
        Name, Trigger,
        new ConditionsRequest(
            StreamIds.Count > 0 ? StreamIds.Distinct().ToList() : null, ListIds.Count > 0 ? ListIds.Distinct().ToList() : null,
            MinSimilarity, MinAge, MaxAge, string.IsNullOrEmpty(Gender) ? null : Gender,
            ScheduleOn ? new ScheduleRequest(Days, From, To, string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim()) : null,
            DownAfterSeconds),
        Channels.ToRequests(), Enabled, CooldownSeconds, EscalateAfterSeconds,
        Escalation.ToRequests() is { Count: > 0 } escalation ? escalation : null);

    /// <summary>"channels[1].recipients[0]" → "channels.email": the field of this form that holds it.</summary>
    public string FieldFor(string path) =>
        path.StartsWith("channels[", StringComparison.Ordinal) ? Channels.FieldFor(path, "channels")
        : path.StartsWith("escalationChannels[", StringComparison.Ordinal) ? Escalation.FieldFor(path, "escalationChannels")
        : path.StartsWith("conditions.schedule.days[", StringComparison.Ordinal) ? "conditions.schedule.days"
        : path.StartsWith("conditions.streamIds[", StringComparison.Ordinal) ? "conditions.streamIds"
        : path.StartsWith("conditions.listIds[", StringComparison.Ordinal) ? "conditions.listIds"
        : path;
}
