using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>A claimed delivery: what the POST needs, copied out of the context that claimed it.</summary>
internal sealed record DueDelivery(Guid Id, string Url, string MetadataJson, byte[] FaceJpeg, byte[]? BodyJpeg = null);

/// <summary>The dispatcher's questions to the outbox.</summary>
internal static class WebhookClaims
{
    /// <summary>
    /// Takes up to <paramref name="take"/> due rows, oldest first, skipping closed receivers, and leases
    /// them (NextAttemptAt moved to <paramref name="leaseUntil"/>) in one short transaction. On PostgreSQL
    /// <c>FOR UPDATE SKIP LOCKED</c> keeps two hosts from claiming the same row; the lease keeps them off it
    /// while the POST runs, and hands it back for a retry if this host dies meanwhile (a receiver may then
    /// see it twice and de-duplicates by X-LunaPoint-Delivery). SQLite has one writer at a time anyway.
    /// Rows <paramref name="admit"/> turns away (their receiver has its share in flight) are left due.
    /// </summary>
    /// <returns>The leased rows, and how many due rows the query found (all <paramref name="take"/>: more may be due).</returns>
    public static async Task<(List<DueDelivery> Leased, int Found)> ClaimAsync(
        DetectionDbContext db, DateTimeOffset now, int take, string[] closed, Func<string, bool> admit, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = db.Database.IsNpgsql()
            ? await db.WebhookDeliveries.FromSql($"""
                SELECT * FROM detection.webhook_deliveries
                WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= {now} AND url <> ALL({closed})
                ORDER BY created_at LIMIT {take} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken)
            : await Pending(db, closed).Where(d => d.NextAttemptAt <= now).OrderBy(d => d.CreatedAt).Take(take).ToListAsync(cancellationToken);
        var leased = rows.Where(r => admit(r.Url)).ToList();
        foreach (var row in leased)
        {
            row.NextAttemptAt = leaseUntil;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (leased.ConvertAll(r => new DueDelivery(r.Id, r.Url, r.MetadataJson, r.FaceJpeg, r.BodyJpeg)), rows.Count);
    }

    /// <summary>When the next row for an open receiver falls due, if any is pending.</summary>
    public static Task<DateTimeOffset?> NextDueAsync(DetectionDbContext db, string[] closed, CancellationToken cancellationToken) =>
        Pending(db, closed).OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<WebhookDelivery> Pending(DetectionDbContext db, string[] closed) =>
        db.WebhookDeliveries.Where(d => d.DeliveredAt == null && d.GaveUpAt == null && !closed.Contains(d.Url));
}
