using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// What a webhook receives: <c>{"deliveryId","timestamp","escalation","alert":AlertView}</c> (camelCase).
/// The timestamp is inside the signed body as well as in its header, so a receiver can refuse replays.
/// </summary>
internal sealed record WebhookPayload(Guid DeliveryId, long Timestamp, bool Escalation, AlertView Alert)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(Delivery delivery, Alert alert, long timestamp) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new WebhookPayload(delivery.Id, timestamp, delivery.Escalation, AlertMapping.ToView(alert, alert.FaceJpeg is { Length: > 0 })), Json);

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes under <paramref name="secret"/>.</summary>
    public static string Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
