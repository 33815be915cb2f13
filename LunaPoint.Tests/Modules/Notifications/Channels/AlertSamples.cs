using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

/// <summary>Alerts and deliveries as AlertWriter makes them, built in memory for the senders.</summary>
internal static class AlertSamples
{
    public const string HostileName = "<script>alert('x')</script> & \"Eve\"";

    public static Alert Match(Guid? faceId = null, byte[]? crop = null, string faceName = "Jane Doe", string streamName = "Front door") => new()
    {
        Id = Guid.NewGuid(),
        RuleId = Guid.NewGuid(),
        RuleName = "VIP at the door",
        Trigger = AlertTrigger.WatchlistMatch,
        OccurredAt = new DateTimeOffset(2026, 7, 1, 10, 15, 30, TimeSpan.Zero),
        CreatedAt = new DateTimeOffset(2026, 7, 1, 10, 15, 31, TimeSpan.Zero),
        Title = $"{faceName} (Staff) at {streamName}",
        StreamId = Guid.NewGuid(),
        StreamName = streamName,
        Location = "Main building, gate 2",
        EventId = Guid.NewGuid(),
        FaceId = faceId,
        FaceName = faceName,
        ListId = Guid.NewGuid(),
        ListName = "Staff",
        ListColor = "#ff0000",
        Similarity = 0.873,
        FaceJpeg = crop,
    };

    public static Delivery To(Alert alert, ChannelType channel, string recipient) => new()
    {
        Id = Guid.NewGuid(),
        AlertId = alert.Id,
        RuleId = alert.RuleId,
        Channel = channel,
        Recipient = recipient,
        Target = channel == ChannelType.Email
            ? new ChannelSpec { Type = channel, Recipients = [recipient] }
            : new ChannelSpec { Type = channel, ChatIds = [recipient] },
        CreatedAt = alert.CreatedAt,
        NextAttemptAt = alert.CreatedAt,
    };

    /// <summary>Bytes framed like a JPEG (SOI…EOI), different per marker: the channels carry the crop, they never decode it.</summary>
    public static byte[] Jpeg(byte marker) => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, marker, 0xFF, 0xD9];
}
