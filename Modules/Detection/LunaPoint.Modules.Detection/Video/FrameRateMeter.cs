namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// Frames per second over a sliding window (the last two seconds), from monotonic timestamps. Marked by one
/// loop (capture, analysis), read by requests and metrics: thread-safe, and a reading decays to 0 when marks stop.
/// </summary>
internal sealed class FrameRateMeter(TimeProvider? clock = null)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Queue<long> _stamps = new();
    private readonly Lock _lock = new();

    /// <returns>The rate including this frame.</returns>
    public double Mark()
    {
        lock (_lock)
        {
            _stamps.Enqueue(_clock.GetTimestamp());
            return Rate();
        }
    }

    /// <summary>The rate now; 0 until two frames were seen in the window.</summary>
    public double PerSecond
    {
        get
        {
            lock (_lock)
            {
                return Rate();
            }
        }
    }

    private double Rate()
    {
        var now = _clock.GetTimestamp();
        while (_stamps.Count > 0 && _clock.GetElapsedTime(_stamps.Peek(), now) > Window)
        {
            _stamps.Dequeue();
        }

        // n frames span n - 1 intervals; a lone frame says nothing about a rate.
        var span = _stamps.Count < 2 ? 0 : _clock.GetElapsedTime(_stamps.Peek(), now).TotalSeconds;
        return span <= 0 ? 0 : (_stamps.Count - 1) / span;
    }
}
