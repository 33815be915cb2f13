namespace LunaPoint.Modules.Detection.Domain;

/// <summary>
/// One best shot pushed to a stream's external HTTP receiver (<c>settings.webhookUrl</c>). Written in the
/// same transaction as the track row, so a receiver that is down gets it later instead of never; the
/// dispatcher retries with backoff until it is delivered or the give-up period has passed.
/// </summary>
internal sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public Guid StreamId { get; init; }
    public Guid TrackId { get; init; }

    /// <summary>The receiver, secrets included (never shown; logs mask it).</summary>
    public required string Url { get; init; }

    /// <summary>The multipart <c>metadata</c> part.</summary>
    public required string MetadataJson { get; init; }

    /// <summary>The multipart <c>face</c> part (the aligned face JPEG); empty for a body best shot.</summary>
    public required byte[] FaceJpeg { get; init; }

    /// <summary>The multipart <c>body</c> part (the body crop): a body best shot, or a face best shot inside a body; null when none.</summary>
    public byte[]? BodyJpeg { get; init; }

    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Set when the give-up period passed without a delivery; the row stays for the record.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    public string? LastError { get; set; }
}
