using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>The dispatcher's claim on due outbox rows of one channel.</summary>
internal static class OutboxClaims
{
    /// <summary>
    /// Leases up to <paramref name="take"/> due rows of <paramref name="channel"/> (pending or failed, next
    /// attempt due, not claimed or the claim's lease over), earliest first, to <paramref name="claimant"/>
    /// until <paramref name="leaseUntil"/>. On PostgreSQL one statement with <c>FOR UPDATE SKIP LOCKED</c>, so
    /// several hosts never take the same row; SQLite has one writer at a time, a transaction suffices there.
    /// </summary>
    public static async Task<List<Delivery>> ClaimAsync(
        NotificationsDbContext db, ChannelType channel, string claimant, DateTimeOffset now, DateTimeOffset leaseUntil, int take, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var channelName = channel.ToString();
            var (pending, failed) = (nameof(DeliveryStatus.Pending), nameof(DeliveryStatus.Failed));
            return await db.Deliveries.FromSql($"""
                UPDATE notifications.outbox SET claimed_by = {claimant}, claimed_until = {leaseUntil}
                WHERE id IN (
                    SELECT id FROM notifications.outbox
                    WHERE channel = {channelName} AND status IN ({pending}, {failed}) AND next_attempt_at <= {now}
                      AND (claimed_until IS NULL OR claimed_until < {now})
                    ORDER BY next_attempt_at LIMIT {take}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Deliveries
            .Where(d => d.Channel == channel && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Failed)
                && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Take(take).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.ClaimedBy = claimant;
            row.ClaimedUntil = leaseUntil;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rows;
    }

    /// <summary>Hands a row back untried (shutdown cut its send short): due again at once, here or on another host.</summary>
    public static Task ReleaseAsync(NotificationsDbContext db, Guid id, string claimant, CancellationToken cancellationToken) =>
        db.Deliveries.Where(d => d.Id == id && d.ClaimedBy == claimant)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
}
