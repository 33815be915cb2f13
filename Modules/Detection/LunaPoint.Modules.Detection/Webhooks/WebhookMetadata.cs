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

    public static string Face(FaceBestShotCaptured f)
    {
        var metadata = Shot("faceBestShot", f.StreamId, f.TrackId, f.Kind, f.TrackStartedAt, f.CapturedAt, f.TrackEndedAt, f.FrameWidth, f.FrameHeight, f.Box);
        metadata["landmarks"] = f.Landmarks.Select(p => new[] { p.X, p.Y });
        metadata["quality"] = f.Quality;
        metadata["descriptorModel"] = f.DescriptorModel;
        metadata["descriptor"] = Convert.ToBase64String(MemoryMarshal.AsBytes(f.Descriptor.AsSpan()));
        metadata["estimates"] = f.Estimates;
        metadata["body"] = f.Body is { } b ? new { trackId = b.TrackId, bbox = Box(b.Box), score = Math.Round(b.Score, 4) } : null;
        return JsonSerializer.Serialize(metadata, Json);
    }

    public static string Body(BodyBestShotCaptured f)
    {
        var metadata = Shot("bodyBestShot", f.StreamId, f.TrackId, f.Kind, f.TrackStartedAt, f.CapturedAt, f.TrackEndedAt, f.FrameWidth, f.FrameHeight, f.Box);
        metadata["score"] = Math.Round(f.Score, 4);
        metadata["quality"] = f.Quality;
        metadata["faceTrackIds"] = f.FaceTrackIds;
        return JsonSerializer.Serialize(metadata, Json);
    }

    /// <summary>What every best shot's metadata starts with, face or body, in this order.</summary>
    private static Dictionary<string, object?> Shot(
        string type, Guid streamId, Guid trackId, BestShotKind kind, DateTimeOffset trackStartedAt, DateTimeOffset capturedAt, DateTimeOffset? trackEndedAt, int frameWidth, int frameHeight, FaceBox box) => new()
    {
        ["type"] = type,
        ["streamId"] = streamId,
        ["trackId"] = trackId,
        ["kind"] = kind.ToString().ToLowerInvariant(),
        ["trackStartedAt"] = trackStartedAt,
        ["capturedAt"] = capturedAt,
        ["trackEndedAt"] = trackEndedAt,
        ["frameWidth"] = frameWidth,
        ["frameHeight"] = frameHeight,
        ["bbox"] = Box(box),
    };

    public static string? Estimates(FaceEstimates? estimates) => estimates is null ? null : JsonSerializer.Serialize(estimates, Json);

    private static object Box(FaceBox b) => new { x = b.X, y = b.Y, width = b.Width, height = b.Height };
}
