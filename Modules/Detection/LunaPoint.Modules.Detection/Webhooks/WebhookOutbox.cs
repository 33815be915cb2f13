using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;

namespace LunaPoint.Modules.Detection.Webhooks;

// STUB until the webhook work package lands: the same signature it will provide.
internal static class WebhookOutbox
{
    public static void Add(DetectionDbContext db, Guid streamId, Guid trackId, string url, string metadataJson, byte[] faceJpeg, DateTimeOffset now) =>
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            Id = Guid.CreateVersion7(), StreamId = streamId, TrackId = trackId, Url = url, MetadataJson = metadataJson, FaceJpeg = faceJpeg,
            CreatedAt = now, NextAttemptAt = now,
        });
}
