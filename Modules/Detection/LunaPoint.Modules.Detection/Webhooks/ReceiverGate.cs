namespace LunaPoint.Modules.Detection.Webhooks;

/// <summary>
/// Per receiver (URL): POSTs in flight, and a pause after a failure. A dead or hanging receiver with a
/// backlog then costs one attempt per backoff period and at most its share of the slots, instead of a
/// timeout per queued row ahead of everyone else's deliveries. In memory: each host keeps its own.
/// </summary>
internal sealed class ReceiverGate(int maxPerReceiver)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);

    /// <summary>Receivers not to be sent to now: busy with their share, or pausing after a failure.</summary>
    public string[] Closed(DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var (url, until) in _pausedUntil.Where(p => p.Value <= now).ToList())
            {
                _pausedUntil.Remove(url);
            }

            return [.. _inFlight.Where(p => p.Value >= maxPerReceiver).Select(p => p.Key).Union(_pausedUntil.Keys)];
        }
    }

    /// <summary>When the earliest pause ends, if any.</summary>
    public DateTimeOffset? NextOpening()
    {
        lock (_lock)
        {
            return _pausedUntil.Count == 0 ? null : _pausedUntil.Values.Min();
        }
    }

    /// <summary>Counts a POST to <paramref name="url"/> as started, unless the receiver has its share in flight or is pausing.</summary>
    public bool TryStart(string url, DateTimeOffset now)
    {
        lock (_lock)
        {
            var inFlight = _inFlight.GetValueOrDefault(url);
            if (inFlight >= maxPerReceiver || (_pausedUntil.TryGetValue(url, out var until) && until > now))
            {
                return false;
            }

            _inFlight[url] = inFlight + 1;
            return true;
        }
    }

    /// <summary>Takes back a <see cref="TryStart"/> whose POST never began (the claim failed).</summary>
    public void Release(string url) => Finished(url, null, keepPause: true);

    /// <param name="pauseUntil">null after a success (the receiver is open again).</param>
    public void Finished(string url, DateTimeOffset? pauseUntil) => Finished(url, pauseUntil, keepPause: false);

    private void Finished(string url, DateTimeOffset? pauseUntil, bool keepPause)
    {
        lock (_lock)
        {
            if (--_inFlight[url] == 0)
            {
                _inFlight.Remove(url);
            }

            if (pauseUntil is { } until)
            {
                _pausedUntil[url] = until;
            }
            else if (!keepPause)
            {
                _pausedUntil.Remove(url);
            }
        }
    }
}
