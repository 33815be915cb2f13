using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>What Detection hands ingestion, in the order it was published (classes: identity, not value, equality).</summary>
internal abstract class IngestItem(Guid trackId)
{
    public Guid TrackId { get; } = trackId;
}

/// <summary>A best shot; <see cref="MaybeMatched"/> is decided when an outage must drop shots (null until then).</summary>
internal sealed class ShotItem(FaceBestShotCaptured shot) : IngestItem(shot.TrackId)
{
    public FaceBestShotCaptured Shot { get; } = shot;

    /// <summary>True when the shot reaches some list's threshold (a superset of what the writer will store as matched).</summary>
    public bool? MaybeMatched { get; set; }
}

internal sealed class TrackEndItem(FaceTrackEnded end) : IngestItem(end.TrackId)
{
    public FaceTrackEnded End { get; } = end;
}
