using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Channels.Telegram;

/// <summary>
/// Keeps to Telegram's limits (about one message a second per chat, thirty a second overall) by waiting
/// for a slot rather than failing: a message that waits a second is still on time, one Telegram refuses
/// with 429 is late by its retry_after. Messages to one chat go one at a time, spaced from the moment the
/// previous one was actually sent.
/// </summary>
internal sealed class TelegramRateLimiter(IOptionsMonitor<NotificationsOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ChatLane> _chats = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalNext = DateTimeOffset.MinValue;

    /// <summary>Runs <paramref name="send"/> when both the chat's and the global limit allow it.</summary>
    public async Task<T> RunAsync<T>(string chatId, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var limits = options.CurrentValue.Telegram;
        var lane = _chats.GetOrAdd(chatId, _ => new ChatLane());
        await lane.Gate.WaitAsync(cancellationToken);
        try
        {
            await DelayUntilAsync(lane.Next, cancellationToken);
            await DelayUntilAsync(ReserveGlobalSlot(Interval(limits.GlobalPerSecond)), cancellationToken);
            try
            {
                return await send(cancellationToken);
            }
            finally
            {
                lane.Next = clock.GetUtcNow() + Interval(limits.PerChatPerSecond);
            }
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    private DateTimeOffset ReserveGlobalSlot(TimeSpan interval)
    {
        lock (_globalLock)
        {
            var slot = _globalNext > clock.GetUtcNow() ? _globalNext : clock.GetUtcNow();
            _globalNext = slot + interval;
            return slot;
        }
    }

    private async Task DelayUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    /// <summary>No limit when the setting is zero or less.</summary>
    private static TimeSpan Interval(double perSecond) => perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;

    private sealed class ChatLane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public DateTimeOffset Next { get; set; } = DateTimeOffset.MinValue;
    }
}
