using System.Diagnostics;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// The last N samples of one pipeline stage's latency with when they were taken, for p50/p95 over all of
/// them or over the last seconds; thread-safe, no allocation per sample.
/// </summary>
internal sealed class LatencyWindow(int size = 512)
{
    private readonly double[] _samples = new double[size];
    private readonly long[] _stamps = new long[size];
    private long _count;
    private readonly Lock _lock = new();

    public long Count => Interlocked.Read(ref _count);

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _samples[_count % _samples.Length] = milliseconds;
            _stamps[_count % _samples.Length] = Stopwatch.GetTimestamp();
            _count++;
        }
    }

    /// <returns>The <paramref name="quantile"/> (0..1) of the samples held (taken within <paramref name="within"/> when given), or null when there are none.</returns>
    public double? Quantile(double quantile, TimeSpan? within = null)
    {
        var copy = Samples(within);
        if (copy.Length == 0)
        {
            return null;
        }

        Array.Sort(copy);
        return copy[(int)Math.Clamp(Math.Ceiling(quantile * copy.Length) - 1, 0, copy.Length - 1)];
    }

    /// <summary>How many samples are held (taken within <paramref name="within"/> when given).</summary>
    public int Held(TimeSpan? within = null) => Samples(within).Length;

    private double[] Samples(TimeSpan? within)
    {
        lock (_lock)
        {
            var n = (int)Math.Min(_count, _samples.Length);
            if (within is not { } window)
            {
                return _samples[..n];
            }

            var now = Stopwatch.GetTimestamp();
            return Enumerable.Range(0, n).Where(i => Stopwatch.GetElapsedTime(_stamps[i], now) <= window).Select(i => _samples[i]).ToArray();
        }
    }
}
