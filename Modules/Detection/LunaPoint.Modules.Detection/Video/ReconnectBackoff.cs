using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// Delays between reconnects: reconnectDelayMs, doubling per consecutive failure up to maxBackoffMs.
/// reconnectAttempts = N &gt; 0 allows N reconnects after the first failure; the failure after them gives
/// up. 0 = for ever. <see cref="Reset"/> after a source streamed well for a while.
/// </summary>
internal sealed class ReconnectBackoff(HealthcheckSettings settings)
{
    public int Failures { get; private set; }

    /// <returns>The wait before the next attempt, or null when no attempt is left.</returns>
    public TimeSpan? Next()
    {
        Failures++;
        if (settings.ReconnectAttempts > 0 && Failures > settings.ReconnectAttempts)
        {
            return null;
        }

        var first = Math.Max(0, settings.ReconnectDelayMs);
        var ceiling = Math.Max(first, settings.MaxBackoffMs);
        return TimeSpan.FromMilliseconds(Math.Min(first * Math.Pow(2, Math.Min(Failures - 1, 30)), ceiling));
    }

    public void Reset() => Failures = 0;
}
