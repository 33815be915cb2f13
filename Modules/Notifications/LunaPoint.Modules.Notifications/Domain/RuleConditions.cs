namespace LunaPoint.Modules.Notifications.Domain;

/// <summary>
/// What narrows a rule. Every condition left null (or empty) lets everything through; the face conditions
/// apply to face triggers only. <see cref="DownAfterSeconds"/> is how long a stream must be failed or
/// without frames before <c>streamDown</c> fires (default 10).
/// </summary>
internal sealed record RuleConditions
{
    public const int DefaultDownAfterSeconds = 10;

    public IReadOnlyList<Guid>? StreamIds { get; init; }
    public IReadOnlyList<Guid>? ListIds { get; init; }
    public double? MinSimilarity { get; init; }
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }

    /// <summary>"male" or "female".</summary>
    public string? Gender { get; init; }
    public RuleSchedule? Schedule { get; init; }
    public int? DownAfterSeconds { get; init; }
}

/// <summary>
/// A weekly window: the rule fires on these days between <see cref="From"/> and <see cref="To"/> local
/// time in <see cref="TimeZone"/> (an IANA id; the module's <c>TimeZone</c> setting when null). From must
/// be before To; a night shift is two rules.
/// </summary>
internal sealed record RuleSchedule
{
    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];
    public TimeOnly From { get; init; }
    public TimeOnly To { get; init; }
    public string? TimeZone { get; init; }
}
