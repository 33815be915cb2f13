namespace LunaPoint.Modules.Events.Domain;

internal enum EventKind
{
    Face,
    Body,
}

/// <summary>A best shot of one track, as stored for search and matching.</summary>
internal sealed class DetectionEvent
{
    public Guid Id { get; init; }
    public Guid StreamId { get; init; }
    public Guid TrackId { get; init; }
    public EventKind Kind { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public byte[]? Descriptor { get; init; }
    public string? DescriptorModel { get; init; }
    public double Quality { get; init; }
    public float BoxX { get; init; }
    public float BoxY { get; init; }
    public float BoxWidth { get; init; }
    public float BoxHeight { get; init; }
    public string? ImagePath { get; init; }
    public Guid? MatchedFaceId { get; set; }
    public Guid? MatchedListId { get; set; }
    public double? MatchScore { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
