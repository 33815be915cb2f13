using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>Sends one outbox row on one channel. Throws <see cref="DeliveryFailedException"/> for a failure the dispatcher records.</summary>
internal interface IChannelSender
{
    ChannelType Channel { get; }

    /// <summary>Sends <paramref name="delivery"/> of <paramref name="alert"/>; returns when the receiver accepted it.</summary>
    Task SendAsync(Delivery delivery, Alert alert, CancellationToken cancellationToken);
}

/// <summary>
/// A send that did not work. <see cref="Permanent"/>: retrying cannot help (the receiver refused the
/// address for good), so the row goes dead at once; <see cref="RetryAfter"/>: the receiver said when to
/// come back (Telegram's 429 retry_after, HTTP Retry-After).
/// </summary>
internal sealed class DeliveryFailedException(string reason, bool permanent = false, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(reason, inner)
{
    public bool Permanent { get; } = permanent;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
