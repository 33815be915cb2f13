using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// Records how one attempt ended. Every update is conditional on the claim still being ours
/// (<c>claimed_by</c>): a row whose lease ran out and that another dispatcher took over is left to it.
/// </summary>
internal sealed class DeliveryOutcomes(IOptions<NotificationsOptions> options, TimeProvider clock)
{
    /// <returns>False when the claim was no longer ours (nothing written).</returns>
    public async Task<bool> SentAsync(NotificationsDbContext db, Delivery row, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await Ours(db, row).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Sent)
            .SetProperty(d => d.Attempts, row.Attempts + 1)
            .SetProperty(d => d.LastAttemptAt, now)
            .SetProperty(d => d.SentAt, now)
            .SetProperty(d => d.ClaimedBy, (string?)null)
            .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    /// <summary>Failed with the next attempt after a backoff, or dead when retrying cannot help or the retry period is over.</summary>
    /// <returns>The status written, or null when the claim was no longer ours.</returns>
    public async Task<DeliveryStatus?> FailedAsync(NotificationsDbContext db, Delivery row, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value.Dispatch;
        var now = clock.GetUtcNow();
        var attempts = row.Attempts + 1;
        var reason = ErrorText.Of(error);
        var permanent = error is DeliveryFailedException { Permanent: true };
        var periodOver = now >= row.CreatedAt + TimeSpan.FromMinutes(settings.RetryForMinutes);
        var status = permanent || periodOver ? DeliveryStatus.Dead : DeliveryStatus.Failed;
        var next = status == DeliveryStatus.Dead ? row.NextAttemptAt : now + Delay(attempts, (error as DeliveryFailedException)?.RetryAfter, settings);
        var text = status == DeliveryStatus.Failed ? reason
            : ErrorText.Short(permanent ? $"Dead letter (refused for good): {reason}" : $"Dead letter (retried for {settings.RetryForMinutes:0.##} min, {attempts} attempts): {reason}", ErrorText.MaxLength);
        var written = await Ours(db, row).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.LastAttemptAt, now)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.LastError, text)
            .SetProperty(d => d.ClaimedBy, (string?)null)
            .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        return written == 1 ? status : null;
    }

    /// <summary>
    /// FirstRetrySeconds doubled per attempt, capped at MaxRetrySeconds, up to 20% shorter at random so
    /// rows that failed together do not come back in step; never sooner than the receiver's Retry-After.
    /// </summary>
    public static TimeSpan Delay(int attempts, TimeSpan? retryAfter, DispatchOptions settings)
    {
        var first = TimeSpan.FromSeconds(Math.Max(settings.FirstRetrySeconds, 0.001));
        var max = TimeSpan.FromSeconds(Math.Max(settings.MaxRetrySeconds, first.TotalSeconds));
        var backoff = new RetryPolicy(first, max).DelayAfter(Math.Max(attempts, 1), Random.Shared);
        return retryAfter is { } after && after > backoff ? after : backoff;
    }

    private static IQueryable<Delivery> Ours(NotificationsDbContext db, Delivery row) =>
        db.Deliveries.Where(d => d.Id == row.Id && d.ClaimedBy == row.ClaimedBy);
}
