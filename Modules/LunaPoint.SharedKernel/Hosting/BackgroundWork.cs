using LunaPoint.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.SharedKernel.Hosting;

/// <summary>
/// The one loop every piece of background work runs in: waits for the databases, runs a unit of work in
/// a fresh DI scope, logs and retries whatever it throws with capped exponential backoff and jitter, and
/// treats cancellation as a clean stop. Nothing a unit throws reaches the host, whose default
/// (<c>BackgroundServiceExceptionBehavior.StopHost</c>) would stop the whole process for one worker.
/// </summary>
/// <remarks>
/// Hosted services use it through <see cref="ResilientBackgroundService"/>. Work whose lifetime is not the
/// host's (a supervisor per video stream, started and stopped as streams are enabled and disabled) calls
/// <see cref="RunAsync"/> directly with its own token and a <see cref="WorkOptions.OnFailure"/> observer
/// that reports the stream's status; cancelling that token stops exactly that loop.
/// </remarks>
public sealed partial class BackgroundWork(IServiceScopeFactory scopes, ModuleDatabases databases, TimeProvider clock, ILogger<BackgroundWork> logger)
{
    public TimeProvider Clock => clock;

    /// <summary>Runs <paramref name="unit"/> as <paramref name="options"/> say until it is done or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <returns>A task that completes (never faults) when the work is done or stopped.</returns>
    public async Task RunAsync(WorkOptions options, Func<IServiceProvider, CancellationToken, Task> unit, CancellationToken cancellationToken)
    {
        try
        {
            if (options.WaitForDatabases)
            {
                await databases.WhenAllMigrated(cancellationToken);
            }

            var failures = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = clock.GetTimestamp();
                TimeSpan wait;
                try
                {
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        await unit(scope.ServiceProvider, cancellationToken);
                    }

                    if (failures > 0)
                    {
                        LogRecovered(options.Name, failures);
                    }

                    if (options.Interval is not { } interval)
                    {
                        return;
                    }

                    failures = 0;
                    wait = interval;
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    // A unit that ran well for longer than the longest wait (a camera that streamed for hours)
                    // starts its backoff over: its failure is news, not the next of a series.
                    failures = clock.GetElapsedTime(started) >= options.Retry.MaxDelay ? 1 : failures + 1;
                    wait = options.Retry.DelayAfter(failures, Random.Shared);
                    LogFailed(ex, options.Name, failures, wait.TotalSeconds);
                    await NotifyAsync(options, new WorkFailure(options.Name, failures, ex, wait), cancellationToken);
                }

                await Task.Delay(wait, clock, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown or the owner stopping this work: the normal way out.
        }
    }

    private async Task NotifyAsync(WorkOptions options, WorkFailure failure, CancellationToken cancellationToken)
    {
        if (options.OnFailure is not { } observer)
        {
            return;
        }

        try
        {
            await observer(failure, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            LogObserverFailed(ex, options.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed ({Failures} in a row); retrying in {DelaySeconds:0.0} s")]
    private partial void LogFailed(Exception exception, string work, int failures, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Work} succeeded again after {Failures} failures")]
    private partial void LogRecovered(string work, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "The failure observer of {Work} failed")]
    private partial void LogObserverFailed(Exception exception, string work);
}
