using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>
/// Episodes live in memory, so a host restarted during an outage would alert the same outage twice. When
/// a new episode opens, the alerts table says which <c>streamDown</c> rules already alerted for the stream
/// since its last <c>streamUp</c>: those count as fired, and the recovery then raises <c>streamUp</c> as usual.
/// </summary>
internal static class StreamAlertHistory
{
    // One down alert per rule per episode: a few recent rows always reach back to the last recovery.
    private const int LookBack = 200;

    public static async Task<IReadOnlyDictionary<Guid, IReadOnlySet<Guid>>> AlreadyAlertedAsync(
        NotificationsDbContext db, IReadOnlyList<Guid> streamIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, IReadOnlySet<Guid>>();
        foreach (var streamId in streamIds)
        {
            var recent = await db.Alerts.AsNoTracking()
                .Where(a => a.StreamId == streamId && (a.Trigger == AlertTrigger.StreamDown || a.Trigger == AlertTrigger.StreamUp))
                .OrderByDescending(a => a.CreatedAt)
                .Take(LookBack)
                .Select(a => new { a.RuleId, a.Trigger })
                .ToListAsync(cancellationToken);
            var fired = recent.TakeWhile(a => a.Trigger == AlertTrigger.StreamDown).Select(a => a.RuleId).ToHashSet();
            if (fired.Count > 0)
            {
                result[streamId] = fired;
            }
        }

        return result;
    }
}
