using System.Collections.Concurrent;
using System.Threading.Channels;

namespace LunaPoint.Modules.Auth.Authentication.Refusals;

/// <summary>
/// Counts refused credentials in memory per (minute, client address, action, reason), so a flood of junk
/// tokens or keys costs the audit log one row per minute and reason instead of a row per request.
/// <see cref="RefusalAuditWriter"/> writes the counts shortly after they arrive.
/// </summary>
internal sealed class RefusalAuditBuffer(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<RefusalKey, RefusalTally> _tallies = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Record(string? address, string action, string reason)
    {
        var now = clock.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero);
        var tally = _tallies.GetOrAdd(new RefusalKey(windowStart, address ?? "unknown", action, reason), _ => new RefusalTally());
        tally.Add(1);
        Signal();
    }

    /// <summary>Wakes the writer; a signal already pending is enough.</summary>
    public void Signal() => _signal.Writer.TryWrite(true);

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _signal.Reader.WaitToReadAsync(cancellationToken);

    public void Acknowledge() => _signal.Reader.TryRead(out _);

    public IEnumerable<KeyValuePair<RefusalKey, RefusalTally>> Tallies => _tallies;

    /// <summary>Forgets windows long over: their rows are complete.</summary>
    public void ForgetBefore(DateTimeOffset cutoff)
    {
        foreach (var (key, tally) in _tallies)
        {
            if (key.WindowStart < cutoff && tally.Pending == 0)
            {
                _tallies.TryRemove(key, out _);
            }
        }
    }
}

internal sealed record RefusalKey(DateTimeOffset WindowStart, string Address, string Action, string Reason);

internal sealed class RefusalTally
{
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>The audit row of this window once written; later counts are added to it.</summary>
    public long? RowId { get; set; }

    public void Add(int count) => Interlocked.Add(ref _pending, count);

    public int Take() => Interlocked.Exchange(ref _pending, 0);
}
