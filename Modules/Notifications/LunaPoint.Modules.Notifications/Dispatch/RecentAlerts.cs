using System.Collections.Concurrent;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// Alerts this host raised in the last minutes, as written: their outbox rows (one per channel and
/// recipient) are usually sent by this host within milliseconds, and reading the alert back from the
/// database once per row was half the dispatcher's database work. Rows of other hosts, older alerts and
/// escalations read it from the database as before. Alerts are immutable in what channels render.
/// </summary>
internal sealed class RecentAlerts(TimeProvider clock)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<Guid, Alert> _alerts = new();
    private readonly ConcurrentQueue<(Guid Id, DateTimeOffset At)> _order = new();

    public void Remember(Alert alert)
    {
        var now = clock.GetUtcNow();
        if (_alerts.TryAdd(alert.Id, alert))
        {
            _order.Enqueue((alert.Id, now));
        }

        while (_order.TryPeek(out var oldest) && (_order.Count > Capacity || now - oldest.At > KeepFor) && _order.TryDequeue(out oldest))
        {
            _alerts.TryRemove(oldest.Id, out _);
        }
    }

    public bool TryGet(Guid id, out Alert alert) => _alerts.TryGetValue(id, out alert!);
}
