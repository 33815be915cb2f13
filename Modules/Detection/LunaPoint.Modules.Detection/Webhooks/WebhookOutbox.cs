using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;

namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>Where a stream worker puts a best shot for its external receiver.</summary>
internal static class WebhookOutbox
{
    /// <summary>
    /// Adds the delivery to the caller's context; the caller saves it in the same transaction as its track
    /// row. Once saved (committed, when the caller holds a transaction), the dispatcher is woken at once
    /// (<see cref="WebhookSaveInterceptor"/>); it also polls, so nothing depends on the wake-up.
    /// </summary>
    public static WebhookDelivery Add(DetectionDbContext db, Guid streamId, Guid trackId, string url, string metadataJson, byte[] faceJpeg, DateTimeOffset now, byte[]? bodyJpeg = null)
    {
        var delivery = new WebhookDelivery
        {
            Id = Guid.CreateVersion7(now),
            StreamId = streamId,
            TrackId = trackId,
            Url = url,
            MetadataJson = metadataJson,
            FaceJpeg = faceJpeg,
            BodyJpeg = bodyJpeg,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.WebhookDeliveries.Add(delivery);
        return delivery;
    }
}
