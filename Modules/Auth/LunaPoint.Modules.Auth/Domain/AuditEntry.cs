namespace LunaPoint.Modules.Auth.Domain;

/// <summary>
/// Who did what to what, when, from where. Any module appends its admin actions here (through a
/// Contracts command), so <see cref="Module"/> says whose action it was.
/// </summary>
internal sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Module { get; init; }
    public required string Action { get; init; }
    public bool Succeeded { get; init; }
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public string? Target { get; init; }
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }

    /// <summary>
    /// How many times this happened. 1 for an action; refused credentials from one address for one reason
    /// are counted into one row per minute instead of a row each (an unauthenticated flood must not grow the log).
    /// </summary>
    public int Count { get; set; } = 1;

    /// <summary>Before/after or other details as JSON.</summary>
    public string? DetailsJson { get; init; }
}
