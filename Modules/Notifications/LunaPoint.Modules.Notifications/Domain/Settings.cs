namespace LunaPoint.Modules.Notifications.Domain;

/// <summary>
/// The last alert of a rule for one subject (face, track or stream): a new one within the rule's cooldown
/// is not raised. Kept in the database so a restart or a second host keeps the cooldown.
/// </summary>
internal sealed class CooldownMark
{
    public Guid RuleId { get; init; }
    public required string SubjectKey { get; init; }
    public DateTimeOffset LastAlertAt { get; set; }
}

/// <summary>"Pause all": one row while alerts are paused (none when they run), by whom and until when.</summary>
internal sealed class PauseState
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    /// <summary>Null: until resumed.</summary>
    public DateTimeOffset? Until { get; set; }
    public required string PausedBy { get; set; }
    public DateTimeOffset PausedAt { get; set; }
}

internal enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// SMTP settings an administrator saved in the console; they replace <c>LunaPoint:Notifications:Smtp</c>.
/// The password is kept encrypted with the host's data protection keys and never shown back.
/// </summary>
internal sealed class SmtpSettingsRecord
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public required string Host { get; set; }
    public int Port { get; set; }
    public SmtpSecurity Security { get; set; }
    public string? UserName { get; set; }
    public string? ProtectedPassword { get; set; }
    public required string From { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
