namespace LunaPoint.Modules.Detection.Domain;

internal enum TrackKind
{
    Face,
    Body,
}

/// <summary>An object followed through a stream from first sight until it leaves the frame.</summary>
internal sealed class Track
{
    public Guid Id { get; init; }
    public Guid StreamId { get; init; }
    public TrackKind Kind { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset? BestShotAt { get; set; }
    public double? BestShotQuality { get; set; }

    /// <summary>The event Events stored for the best shot (an ID from another module, no foreign key).</summary>
    public Guid? EventId { get; set; }
}
