using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>The webhook's <c>metadata</c> part: the fact without its images (they go as parts of their own).</summary>
internal static class WebhookMetadata
{
    /// <summary>camelCase names, enums as camelCase strings (<c>real</c>, <c>closed</c>); also the track row's estimates column.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Face(FaceBestShotCaptured f) => JsonSerializer.Serialize(new
    {
        type = "faceBestShot",
        streamId = f.StreamId,
        trackId = f.TrackId,
        kind = f.Kind.ToString().ToLowerInvariant(),
        trackStartedAt = f.TrackStartedAt,
        capturedAt = f.CapturedAt,
        trackEndedAt = f.TrackEndedAt,
        frameWidth = f.FrameWidth,
        frameHeight = f.FrameHeight,
        bbox = Box(f.Box),
        landmarks = f.Landmarks.Select(p => new[] { p.X, p.Y }),
        quality = f.Quality,
        descriptorModel = f.DescriptorModel,
        descriptor = Convert.ToBase64String(MemoryMarshal.AsBytes(f.Descriptor.AsSpan())),
        estimates = f.Estimates,
        body = f.Body is { } b ? new { trackId = b.TrackId, bbox = Box(b.Box), score = Math.Round(b.Score, 4) } : null,
    }, Json);

    public static string Body(BodyBestShotCaptured f) => JsonSerializer.Serialize(new
    {
        type = "bodyBestShot",
        streamId = f.StreamId,
        trackId = f.TrackId,
        kind = f.Kind.ToString().ToLowerInvariant(),
        trackStartedAt = f.TrackStartedAt,
        capturedAt = f.CapturedAt,
        trackEndedAt = f.TrackEndedAt,
        frameWidth = f.FrameWidth,
        frameHeight = f.FrameHeight,
        bbox = Box(f.Box),
        score = Math.Round(f.Score, 4),
        quality = f.Quality,
        faceTrackIds = f.FaceTrackIds,
    }, Json);

    public static string? Estimates(FaceEstimates? estimates) => estimates is null ? null : JsonSerializer.Serialize(estimates, Json);

    private static object Box(FaceBox b) => new { x = b.X, y = b.Y, width = b.Width, height = b.Height };
}
