namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// A rule as the API shows it: webhook secrets never, only whether one is stored. Webhook URLs are shown in
/// full, query tokens included: only administrators read rules, and the URL is their own configuration,
/// which they must be able to check and write back. The audit log gets them masked (<see cref="RuleMapping.ToAuditDto"/>).
/// </summary>
internal sealed record RuleDto(
    Guid Id,
    string Name,
    bool Enabled,
    string Trigger,
    ConditionsDto Conditions,
    IReadOnlyList<ChannelDto> Channels,
    int CooldownSeconds,
    int? EscalateAfterSeconds,
    IReadOnlyList<ChannelDto> EscalationChannels,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal sealed record ConditionsDto(
    IReadOnlyList<Guid>? StreamIds,
    IReadOnlyList<Guid>? ListIds,
    double? MinSimilarity,
    int? MinAge,
    int? MaxAge,
    string? Gender,
    ScheduleDto? Schedule,
    int? DownAfterSeconds);

internal sealed record ScheduleDto(IReadOnlyList<string> Days, string From, string To, string? TimeZone);

internal sealed record ChannelDto(string Type, IReadOnlyList<string>? Recipients, IReadOnlyList<string>? ChatIds, string? Url, bool? HasSecret);
