using Mediator;

namespace LunaPoint.Modules.Detection.Contracts;

/// <summary>The body a face track was seen inside, carried on the face's best shot so one event has both crops.</summary>
/// <param name="TrackId">The body track.</param>
/// <param name="Box">The body in frame pixels, at the time of the body's best shot.</param>
/// <param name="Jpeg">The body crop (the body track's best shot so far).</param>
public sealed record BodyShot(Guid TrackId, FaceBox Box, double Score, byte[] Jpeg);

/// <summary>A best shot of a body track (<c>settings.bodies</c>, licensed), published per track like faces.</summary>
/// <param name="Box">The body in frame pixels.</param>
/// <param name="BodyJpeg">The body crop with a small margin.</param>
/// <param name="FaceTrackIds">Face tracks seen inside this body so far.</param>
public sealed record BodyBestShotCaptured(
    Guid StreamId,
    Guid TrackId,
    BestShotKind Kind,
    DateTimeOffset TrackStartedAt,
    DateTimeOffset CapturedAt,
    DateTimeOffset? TrackEndedAt,
    int FrameWidth,
    int FrameHeight,
    FaceBox Box,
    double Score,
    double Quality,
    byte[] BodyJpeg,
    IReadOnlyList<Guid> FaceTrackIds) : INotification;

/// <summary>A body track ended.</summary>
public sealed record BodyTrackEnded(Guid StreamId, Guid TrackId, DateTimeOffset StartedAt, DateTimeOffset EndedAt, int BestShots) : INotification;
