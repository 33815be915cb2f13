namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// Which faces each live track has already been announced for, so <c>WatchlistMatched</c> goes out once per
/// (track, face) even when a middle shot stopped matching that face. Forgotten at track end; the stored
/// event_matches cover a restart.
/// </summary>
internal sealed class TrackMemory
{
    /// <summary>A bound for tracks whose end never came (a host that lost its stream worker).</summary>
    private const int MaxTracks = 100_000;

    private readonly Dictionary<Guid, HashSet<Guid>> _announced = [];

    public bool WasAnnounced(Guid trackId, Guid faceId)
    {
        lock (_announced)
        {
            return _announced.TryGetValue(trackId, out var faces) && faces.Contains(faceId);
        }
    }

    public void Announced(Guid trackId, Guid faceId)
    {
        lock (_announced)
        {
            if (!_announced.TryGetValue(trackId, out var faces))
            {
                if (_announced.Count >= MaxTracks)
                {
                    _announced.Clear();
                }

                _announced[trackId] = faces = [];
            }

            faces.Add(faceId);
        }
    }

    public void Ended(Guid trackId)
    {
        lock (_announced)
        {
            _announced.Remove(trackId);
        }
    }
}
