using Mediator;

namespace LunaPoint.Modules.Detection.Contracts;

/// <summary>A rectangle in pixels of the frame or photo it was found in.</summary>
public sealed record FaceBox(int X, int Y, int Width, int Height);

/// <summary>A point in pixels; face landmarks come as five: left eye, right eye, nose tip, left and right mouth corner.</summary>
public sealed record FacePoint(float X, float Y);

/// <summary>Which best shot of a track this is.</summary>
public enum BestShotKind
{
    /// <summary>The first shot good enough, or the best one when <c>bestShot.timeoutMs</c> ran out: fast alerts.</summary>
    First,

    /// <summary>A clearly better shot than the one sent, while the track goes on.</summary>
    Update,

    /// <summary>The best shot of the whole track, sent when the track ended.</summary>
    Final,
}

/// <summary>
/// A best shot of a face track (Detection publishes per track, never per frame). Events stores it and
/// matches it against watchlists.
/// </summary>
/// <param name="Descriptor">512 floats, L2-normalised, of <paramref name="DescriptorModel"/>.</param>
/// <param name="FaceJpeg">The face aligned to 112x112 by its five landmarks.</param>
/// <param name="ContextJpeg">The face with a margin around it, as the camera saw it.</param>
public sealed record FaceBestShotCaptured(
    Guid StreamId,
    Guid TrackId,
    BestShotKind Kind,
    DateTimeOffset TrackStartedAt,
    DateTimeOffset CapturedAt,
    DateTimeOffset? TrackEndedAt,
    int FrameWidth,
    int FrameHeight,
    FaceBox Box,
    IReadOnlyList<FacePoint> Landmarks,
    float[] Descriptor,
    string DescriptorModel,
    double Quality,
    byte[] FaceJpeg,
    byte[] ContextJpeg) : INotification
{
    /// <summary>Estimates of this shot (pose, eyes and image measure always; liveness, attributes and ISO checks as the stream's settings and the licence allow).</summary>
    public FaceEstimates? Estimates { get; init; }

    /// <summary>The body this face was seen inside, when <c>settings.bodies</c> is on and a body track holds the face.</summary>
    public BodyShot? Body { get; init; }
}

/// <summary>A track ended: the face left the frame or was not seen for <c>trackLostMs</c>.</summary>
public sealed record FaceTrackEnded(Guid StreamId, Guid TrackId, DateTimeOffset StartedAt, DateTimeOffset EndedAt, int BestShots) : INotification;

/// <summary>
/// Finds the faces in a photo (JPEG, PNG, BMP or WebP bytes), largest first; with descriptors when asked.
/// Events turns watchlist photos into descriptors with it. A photo that is not an image, or too large,
/// fails with the same 4xx problem the photo API answers.
/// A licensed estimate (liveness, ISO checks) without the feature in the licence fails with a 409
/// ConflictException naming it.
/// </summary>
public sealed record DetectFaces(byte[] Image, bool WithDescriptors) : IQuery<FaceDetectionResult>
{
    /// <summary>Estimates to add to each face (<see cref="DetectedFace.Estimates"/>).</summary>
    public FaceEstimateKinds Estimate { get; init; }

    /// <summary>Adds each face's JPEG crop with a margin around it (<see cref="DetectedFace.CropJpeg"/>): what Events keeps of an enrolled photo.</summary>
    public bool WithCrops { get; init; }
}

/// <param name="Faces">The largest faces (at most LunaPoint:Detection:Photos:MaxFaces), largest first.</param>
public sealed record FaceDetectionResult(int ImageWidth, int ImageHeight, IReadOnlyList<DetectedFace> Faces)
{
    /// <summary>Faces the detector found; more than <see cref="Faces"/> holds when the list was cut to the largest.</summary>
    public int FacesFound { get; init; }

    /// <summary>The smallest face side (pixels) looked for in this photo: the setting, or larger for a photo whose tiles would cost too much.</summary>
    public int MinFaceSize { get; init; }
}

/// <param name="Quality">0..1, from detection score, size, head pose and sharpness (the best-shot measure).</param>
public sealed record DetectedFace(FaceBox Box, double Score, IReadOnlyList<FacePoint> Landmarks, double Quality, float[]? Descriptor, string? DescriptorModel)
{
    /// <summary>The estimates asked for with <see cref="DetectFaces.Estimate"/>; null when none were.</summary>
    public FaceEstimates? Estimates { get; init; }

    /// <summary>The face with a margin around it, as a JPEG, when asked with <see cref="DetectFaces.WithCrops"/>; null otherwise.</summary>
    public byte[]? CropJpeg { get; init; }
}
