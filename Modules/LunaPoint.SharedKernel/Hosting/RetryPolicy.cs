namespace LunaPoint.SharedKernel.Hosting;

/// <summary>
/// How long to wait after consecutive failures: <see cref="FirstDelay"/>, doubled per failure, capped at
/// <see cref="MaxDelay"/>, minus up to <see cref="Jitter"/> of it at random.
/// </summary>
/// <remarks>
/// Jitter only ever shortens a delay, so the cap is a promise; it spreads the retries of many workers that
/// failed together (a database restart, a switch reboot taking every camera down) instead of having them
/// hammer the dependency in step.
/// </remarks>
public sealed record RetryPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, double Jitter = 0.2)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    /// <param name="failures">Consecutive failures so far, from 1.</param>
    /// <param name="random">Source of the jitter (shared in production, seeded in tests).</param>
    public TimeSpan DelayAfter(int failures, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, FirstDelay);
        if (Jitter is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "Jitter is a share of the delay, from 0 to 1.");
        }

        // The exponent is clamped so a worker failing for days never overflows the double.
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 40));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - (Jitter * random.NextDouble())));
    }
}
