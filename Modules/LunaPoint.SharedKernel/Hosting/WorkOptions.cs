namespace LunaPoint.SharedKernel.Hosting;

/// <summary>One failed attempt of a unit of work, as the caller's observer sees it.</summary>
/// <param name="ConsecutiveFailures">1 for the first failure after a success or a long healthy run.</param>
/// <param name="RetryIn">How long the loop waits before the next attempt.</param>
public sealed record WorkFailure(string Name, int ConsecutiveFailures, Exception Exception, TimeSpan RetryIn);

/// <summary>How <see cref="BackgroundWork.RunAsync"/> runs a unit of work.</summary>
/// <param name="Name">Names the work in the log ("licence monitor", "stream 3f2a…").</param>
public sealed record WorkOptions(string Name)
{
    /// <summary>
    /// null: run until the unit completes once (start-up jobs, a stream's capture loop that ends with its
    /// file). Set: run it again this long after each success, for ever (monitors, reconcilers).
    /// </summary>
    public TimeSpan? Interval { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Wait until every module's database is migrated before the first attempt.</summary>
    public bool WaitForDatabases { get; init; } = true;

    /// <summary>
    /// Told about every failure before the wait (a stream supervisor reports "reconnecting in 8 s" through
    /// it). An observer that throws is logged and ignored: it cannot stop the loop.
    /// </summary>
    public Func<WorkFailure, CancellationToken, Task>? OnFailure { get; init; }
}
