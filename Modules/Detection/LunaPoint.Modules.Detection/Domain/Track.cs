namespace LunaPoint.Modules.Detection.Domain;

internal enum TrackKind
{
    Face,
    Body,
}

/// <summary>
/// An object followed through a stream from first sight until it leaves the frame, with when its best
/// shots went out. Written at the first best shot, updated by later ones, closed at track end.
/// </summary>
internal sealed class Track
{
    public Guid Id { get; init; }
    public Guid StreamId { get; init; }
    public TrackKind Kind { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When the first best shot was published (an alert can go out from then on).</summary>
    public DateTimeOffset? FirstBestShotAt { get; set; }

    /// <summary>When the newest best shot was published (first, update or final).</summary>
    public DateTimeOffset? BestShotAt { get; set; }

    public double? BestShotQuality { get; set; }

    /// <summary>How many best shots of this track were published.</summary>
    public int BestShots { get; set; }

    /// <summary>Frames in which the detector saw the object.</summary>
    public int Detections { get; set; }

    /// <summary>A face track: the body track it was seen inside (settings.bodies), by the most frames.</summary>
    public Guid? BodyTrackId { get; set; }

    /// <summary>The newest best shot's estimates (pose, eyes, image; liveness, attributes, ISO as asked and licensed), as JSON.</summary>
    public string? EstimatesJson { get; set; }

    /// <summary>The event Events stored for the track (an ID from another module, no foreign key); kept for step 7.</summary>
    public Guid? EventId { get; set; }
}
