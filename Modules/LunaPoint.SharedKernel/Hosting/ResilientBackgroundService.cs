using Microsoft.Extensions.Hosting;

namespace LunaPoint.SharedKernel.Hosting;

/// <summary>
/// Base of every hosted background service: one unit of work (<see cref="RunOnceAsync"/>) run in a fresh
/// DI scope by <see cref="BackgroundWork"/>, after the databases are migrated, retried with backoff when
/// it throws, never stopping the host, stopping cleanly on shutdown. Runs once unless
/// <see cref="Interval"/> is set (see <see cref="PeriodicBackgroundService"/>).
/// </summary>
/// <remarks>
/// A unit of work must be safe to run again after a failure part-way (idempotent, or one transaction).
/// Register with <see cref="BackgroundWorkExtensions.AddModuleWorker{TWorker}"/> so
/// <c>Modules:&lt;Name&gt;:Workers:Enabled=false</c> can leave it out.
/// </remarks>
public abstract class ResilientBackgroundService(BackgroundWork work) : BackgroundService
{
    protected BackgroundWork Work => work;

    /// <summary>Names the work in the log.</summary>
    protected virtual string Name => GetType().Name;

    protected virtual RetryPolicy Retry => RetryPolicy.Default;

    /// <summary>Work that needs no database (loading model files) starts without waiting for migrations.</summary>
    protected virtual bool WaitForDatabases => true;

    /// <summary>null: done after the first success.</summary>
    protected virtual TimeSpan? Interval => null;

    /// <summary>One unit of work; <paramref name="services"/> is a scope of its own.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        work.RunAsync(new WorkOptions(Name) { Interval = Interval, Retry = Retry, WaitForDatabases = WaitForDatabases }, RunOnceAsync, stoppingToken);
}

/// <summary>A <see cref="ResilientBackgroundService"/> that runs its unit at start and then every <see cref="Period"/>.</summary>
public abstract class PeriodicBackgroundService(BackgroundWork work) : ResilientBackgroundService(work)
{
    protected abstract TimeSpan Period { get; }

    protected sealed override TimeSpan? Interval => Period;
}
