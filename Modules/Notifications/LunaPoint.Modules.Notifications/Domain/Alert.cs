namespace LunaPoint.Modules.Notifications.Domain;

/// <summary>
/// One alert a rule raised for one fact, with what every channel needs to render it (kept here, so a
/// delivery retried after a restart still has the stream, person and face crop). Operators acknowledge it;
/// one left unacknowledged past the rule's <c>escalateAfterSeconds</c> is escalated once.
/// </summary>
internal sealed class Alert
{
    public Guid Id { get; init; }
    public Guid RuleId { get; init; }
    public required string RuleName { get; init; }
    public AlertTrigger Trigger { get; init; }

    /// <summary>When the fact happened (the shot's capture time, the moment the stream went down…).</summary>
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>One line for subjects, captions and the panel, e.g. "Jane Doe (Staff) at Front door".</summary>
    public required string Title { get; init; }

    /// <summary>A few plain-text lines with the rest (reason of a stream failure, licence detail…).</summary>
    public string? Details { get; init; }

    public Guid? StreamId { get; init; }
    public string? StreamName { get; init; }
    public string? Location { get; init; }
    public Guid? EventId { get; init; }
    public Guid? TrackId { get; init; }
    public Guid? FaceId { get; init; }
    public string? FaceName { get; init; }
    public string? ExternalId { get; init; }
    public Guid? ListId { get; init; }
    public string? ListName { get; init; }
    public string? ListColor { get; init; }
    public double? Similarity { get; init; }
    public double? Age { get; init; }
    public string? Gender { get; init; }
    public string? Liveness { get; init; }

    /// <summary>The face crop of the shot (JPEG); the enrolled photo is asked from Events when sent.</summary>
    public byte[]? FaceJpeg { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgeComment { get; set; }

    /// <summary>When escalation is due (null: the rule has none, or it was acknowledged or escalated).</summary>
    public DateTimeOffset? EscalateAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
}
