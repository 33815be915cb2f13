namespace LunaPoint.Modules.Detection.Video;

/// <summary>The last N samples of one pipeline stage's latency, for p50/p95; thread-safe, no allocation per sample.</summary>
internal sealed class LatencyWindow(int size = 512)
{
    private readonly double[] _samples = new double[size];
    private long _count;
    private readonly Lock _lock = new();

    public long Count => Interlocked.Read(ref _count);

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _samples[_count % _samples.Length] = milliseconds;
            _count++;
        }
    }

    /// <returns>The <paramref name="quantile"/> (0..1) of the samples held, or null when there are none.</returns>
    public double? Quantile(double quantile)
    {
        double[] copy;
        lock (_lock)
        {
            var n = (int)Math.Min(_count, _samples.Length);
            if (n == 0)
            {
                return null;
            }

            copy = _samples[..n];
        }

        Array.Sort(copy);
        return copy[(int)Math.Clamp(Math.Ceiling(quantile * copy.Length) - 1, 0, copy.Length - 1)];
    }
}
