namespace LunaPoint.Modules.Notifications.Domain;

/// <summary>pending: not tried yet; failed: tried, will retry; sent; dead: given up, with the reason.</summary>
internal enum DeliveryStatus
{
    Pending,
    Failed,
    Sent,
    Dead,
}

/// <summary>
/// One outbox row: one alert to one recipient on one channel, written in the same transaction as the alert.
/// A dispatcher claims it (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>; on PostgreSQL with
/// FOR UPDATE SKIP LOCKED, so several hosts never take the same row), sends it, and marks it sent, or
/// failed with the next attempt's time, or dead when the retry period is over. <see cref="Id"/> is the
/// idempotency key receivers see (Message-Id, webhook header).
/// </summary>
internal sealed class Delivery
{
    public Guid Id { get; init; }
    public Guid AlertId { get; init; }
    public Guid RuleId { get; init; }
    public ChannelType Channel { get; init; }

    /// <summary>The e-mail address, chat id, webhook URL (without its secret), or "console".</summary>
    public required string Recipient { get; init; }

    /// <summary>The channel as the rule said it when the alert was raised (the webhook secret too); never shown.</summary>
    public required ChannelSpec Target { get; init; }

    /// <summary>Sent because nobody acknowledged the alert in time.</summary>
    public bool Escalation { get; init; }

    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}
