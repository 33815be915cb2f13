namespace LunaPoint.Modules.Detection.Tracking;

/// <summary>
/// One stream's best-shot bookkeeping per track (pure logic, no images: the caller keeps the image of the
/// view it was told to hold). Not thread-safe: one analysis loop owns it.
/// </summary>
/// <remarks>
/// The book always holds a track's best view so far. Nothing sent yet: a view at least
/// <see cref="BestShotPolicy.GoodEnough"/>, or any better view once timeoutMs has passed, goes out as the
/// first; <see cref="DueByTimeout"/> sends the held view of tracks that get no new offers. Once sent: a view
/// <see cref="BestShotPolicy.ClearlyBetter"/> above the last sent one goes out as an update, at most once per
/// <see cref="BestShotPolicy.MinUpdateInterval"/>; a better view that may not go out yet is held for the
/// final, which <see cref="End"/> asks for whenever a view is held.
/// </remarks>
internal sealed class BestShotBook(BestShotPolicy policy)
{
    private readonly Dictionary<Guid, Entry> _tracks = [];

    public BestShotPolicy Policy => policy;

    /// <summary>Tracks holding a view (they end with a final).</summary>
    public int Count => _tracks.Count;

    /// <summary>Judges a measured view of a track's face.</summary>
    public ShotDecision Offer(Guid trackId, TimeSpan trackStartedAt, TimeSpan now, double quality)
    {
        // !(> 0) also refuses NaN.
        if (!(quality > 0) || (_tracks.TryGetValue(trackId, out var entry) && quality <= entry.Held))
        {
            return ShotDecision.Discard;
        }

        if (entry is null)
        {
            _tracks[trackId] = entry = new Entry(trackStartedAt);
        }

        entry.Held = quality;
        if (entry.SentAt is null)
        {
            return quality >= BestShotPolicy.GoodEnough || now - entry.StartedAt >= policy.Timeout ? entry.Send(now, ShotDecision.EmitFirst) : ShotDecision.Hold;
        }

        return quality >= entry.Sent + BestShotPolicy.ClearlyBetter && now - entry.SentAt >= BestShotPolicy.MinUpdateInterval
            ? entry.Send(now, ShotDecision.EmitUpdate)
            : ShotDecision.Hold;
    }

    /// <summary>
    /// Tracks holding a view but with nothing sent whose bestShot.timeoutMs has passed: the caller sends
    /// the held view as the first best shot now; the book counts it as sent.
    /// </summary>
    public IReadOnlyList<Guid> DueByTimeout(TimeSpan now)
    {
        List<Guid>? due = null;
        foreach (var (id, entry) in _tracks)
        {
            if (entry.SentAt is null && now - entry.StartedAt >= policy.Timeout)
            {
                entry.Send(now, ShotDecision.EmitFirst);
                (due ??= []).Add(id);
            }
        }

        return due ?? (IReadOnlyList<Guid>)[];
    }

    /// <summary>The track ended; true when a final best shot (the held view) must be sent. Forgets the track.</summary>
    /// <remarks>True even when the held view is the one already sent: the final is the track's summary.</remarks>
    public bool End(Guid trackId) => _tracks.Remove(trackId);

    private sealed class Entry(TimeSpan startedAt)
    {
        public TimeSpan StartedAt { get; } = startedAt;
        public double Held { get; set; }
        public double Sent { get; private set; }
        public TimeSpan? SentAt { get; private set; }

        public ShotDecision Send(TimeSpan now, ShotDecision decision)
        {
            (Sent, SentAt) = (Held, now);
            return decision;
        }
    }
}
