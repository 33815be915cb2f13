namespace LunaPoint.Modules.Detection.Video;

/// <summary>Frames per second over a sliding window (the last two seconds), from monotonic timestamps.</summary>
internal sealed class InputFpsMeter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private readonly Queue<long> _stamps = new();

    /// <returns>The rate including this frame; 0 until two frames were seen.</returns>
    public double Add()
    {
        var now = time.GetTimestamp();
        _stamps.Enqueue(now);
        while (time.GetElapsedTime(_stamps.Peek(), now) > Window)
        {
            _stamps.Dequeue();
        }

        var span = time.GetElapsedTime(_stamps.Peek(), now).TotalSeconds;
        return _stamps.Count < 2 || span <= 0 ? 0 : (_stamps.Count - 1) / span;
    }
}
