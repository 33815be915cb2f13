using System.Text.Json.Serialization;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// A rule as clients write it (POST, PUT, and PATCH after merging). Names and enums are plain strings so a
/// wrong one is refused by the validator with the allowed values; an unknown property is refused by name
/// (a misspelt condition must not pass as "no condition").
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RuleRequest(
    string? Name,
    string? Trigger,
    ConditionsRequest? Conditions = null,
    IReadOnlyList<ChannelRequest>? Channels = null,
    bool Enabled = true,
    int? CooldownSeconds = null,
    int? EscalateAfterSeconds = null,
    IReadOnlyList<ChannelRequest>? EscalationChannels = null)
{
    public const int DefaultCooldownSeconds = 60;
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ConditionsRequest(
    IReadOnlyList<Guid>? StreamIds = null,
    IReadOnlyList<Guid>? ListIds = null,
    double? MinSimilarity = null,
    int? MinAge = null,
    int? MaxAge = null,
    string? Gender = null,
    ScheduleRequest? Schedule = null,
    int? DownAfterSeconds = null);

/// <summary>Days as "monday" or "mon"; times "HH:mm" local to <see cref="TimeZone"/> (IANA); "24:00" ends at midnight.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ScheduleRequest(IReadOnlyList<string>? Days = null, string? From = null, string? To = null, string? TimeZone = null);

/// <summary>
/// One channel. The webhook secret is write-only: left out on PUT/PATCH, the stored one of the same URL is kept.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record ChannelRequest(
    string? Type,
    IReadOnlyList<string>? Recipients = null,
    IReadOnlyList<string>? ChatIds = null,
    string? Url = null,
    string? Secret = null);
