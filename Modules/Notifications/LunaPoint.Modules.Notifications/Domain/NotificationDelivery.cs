namespace LunaPoint.Modules.Notifications.Domain;

internal enum NotificationChannel
{
    Ui,
    Email,
    Telegram,
}

internal enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One notification to one recipient on one channel: the outbox row. It stays until sent, so an alert
/// that cannot be sent now is retried, never dropped.
/// </summary>
internal sealed class NotificationDelivery
{
    public Guid Id { get; init; }
    public Guid? RuleId { get; init; }
    public NotificationChannel Channel { get; init; }
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
