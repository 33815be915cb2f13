namespace LunaPoint.Modules.Detection.Domain;

/// <summary>
/// A face image pushed to an external HTTP receiver. Written in the same transaction as the track so a
/// receiver that is down gets it later instead of never.
/// </summary>
internal sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public Guid StreamId { get; init; }
    public Guid TrackId { get; init; }
    public required string Url { get; init; }
    public required string PayloadJson { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}
