namespace LunaPoint.Modules.Events.Domain;

/// <summary>
/// One face track as stored for search and matching: created on its first best shot (so alerts are fast),
/// updated by later best shots of the same track, closed when the track ends.
/// </summary>
internal sealed class DetectionEvent
{
    public Guid Id { get; init; }
    public Guid StreamId { get; init; }
    public Guid TrackId { get; init; }
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the best shot now held was captured.</summary>
    public DateTimeOffset CapturedAt { get; set; }

    /// <summary>Null while the track goes on.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>512 little-endian float32 of <see cref="DescriptorModel"/>.</summary>
    public required byte[] Descriptor { get; set; }
    public required string DescriptorModel { get; set; }

    public int BoxX { get; set; }
    public int BoxY { get; set; }
    public int BoxWidth { get; set; }
    public int BoxHeight { get; set; }
    public int FrameWidth { get; set; }
    public int FrameHeight { get; set; }
    public double Quality { get; set; }

    /// <summary>Detection's estimates (and ISO report) as JSON, when the shot had them.</summary>
    public string? EstimatesJson { get; set; }

    /// <summary>Denormalised from the estimates so the archive can filter on them.</summary>
    public double? Age { get; set; }
    public string? Gender { get; set; }
    public string? Liveness { get; set; }

    /// <summary>Image store paths (relative), deleted with the event.</summary>
    public required string FaceImagePath { get; set; }
    public required string ContextImagePath { get; set; }
    public string? BodyImagePath { get; set; }

    /// <summary>The stream's name and location when the event was made (kept if the stream changes later).</summary>
    public string? StreamName { get; set; }
    public string? Location { get; set; }

    /// <summary>JSON array of strings.</summary>
    public string? TagsJson { get; set; }

    /// <summary>Free-form JSON a client attached.</summary>
    public string? UserDataJson { get; set; }

    /// <summary>The best candidate above its list's threshold; null when nothing matched.</summary>
    public Guid? TopFaceId { get; set; }
    public Guid? TopListId { get; set; }
    public string? TopName { get; set; }
    public double? TopSimilarity { get; set; }


    public int BestShots { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A candidate of an event: a watchlist face above its list's threshold (table <c>event_matches</c>), so the
/// archive can filter by list and face. Rank 0 is the top match.
/// </summary>
internal sealed class EventMatch
{
    public Guid EventId { get; init; }
    public Guid FaceId { get; init; }
    public Guid ListId { get; init; }
    public int Rank { get; set; }
    public double Similarity { get; set; }

    /// <summary>The face's name when matched (kept if the face is renamed or deleted later).</summary>
    public required string Name { get; set; }

    /// <summary>Copied from the event so a list/face filter reads one index.</summary>
    public DateTimeOffset StartedAt { get; init; }
}
