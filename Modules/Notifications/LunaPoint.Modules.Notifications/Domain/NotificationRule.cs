namespace LunaPoint.Modules.Notifications.Domain;

/// <summary>What a rule reacts to. The JSON names are camelCase (<c>watchlistMatch</c>, <c>streamDown</c>…).</summary>
internal enum AlertTrigger
{
    WatchlistMatch,
    UnknownFace,
    LivenessSpoof,
    StreamDown,
    StreamUp,
    LicenseExpiring,
    LicenseLimitReached,
}

/// <summary>
/// When to notify whom: a trigger, conditions that narrow it, the channels to send to, a cooldown so one
/// person lingering at a camera is one alert, and escalation channels for alerts nobody acknowledged.
/// Conditions and channels are kept as JSON (<see cref="RuleConditions"/>, <see cref="ChannelSpec"/>).
/// </summary>
internal sealed class NotificationRule
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public bool Enabled { get; set; }
    public AlertTrigger Trigger { get; set; }
    public RuleConditions Conditions { get; set; } = new();
    public List<ChannelSpec> Channels { get; set; } = [];

    /// <summary>No second alert of this rule for the same face (or track, stream) within this many seconds.</summary>
    public int CooldownSeconds { get; set; }

    /// <summary>An alert not acknowledged this long after it was raised goes to <see cref="EscalationChannels"/>.</summary>
    public int? EscalateAfterSeconds { get; set; }
    public List<ChannelSpec> EscalationChannels { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
