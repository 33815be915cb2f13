using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LunaPoint.Tests.Platform;

/// <summary>
/// The shared background loop in a real generic host: failures are logged and retried with growing,
/// capped delays on the injected clock; nothing stops the host; cancellation stops the work promptly.
/// </summary>
public sealed class BackgroundWorkTests
{
    [Fact]
    public async Task UnitThatThrowsThreeTimes_IsRetried_UntilItSucceeds_AndTheHostStaysUp()
    {
        var time = new RecordingTimeProvider();
        var unit = new FlakyUnit(failuresBeforeSuccess: 3);
        using var host = BuildHost(time, unit);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        await host.StartAsync();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Poll.UntilAsync(() => time.Waits.Count >= attempt, $"retry wait {attempt}");
            time.Advance(time.Waits[attempt - 1]);
        }

        await Poll.UntilAsync(() => unit.Succeeded, "the unit never succeeded");
        Assert.Equal(4, unit.Attempts);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
    }

    [Fact]
    public async Task Backoff_DoublesPerFailure_AndIsCapped()
    {
        var time = new RecordingTimeProvider();
        var unit = new FlakyUnit(failuresBeforeSuccess: int.MaxValue);
        using var host = BuildHost(time, unit, new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), Jitter: 0));
        await host.StartAsync();

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            await Poll.UntilAsync(() => time.Waits.Count >= attempt, $"retry wait {attempt}");
            time.Advance(time.Waits[attempt - 1]);
        }

        Assert.Equal([1, 2, 4, 8, 10, 10, 10], time.Waits.Take(7).Select(w => w.TotalSeconds));
        await host.StopAsync();
    }

    [Fact]
    public void Jitter_OnlyShortensTheDelay_AndSpreadsIt()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), Jitter: 0.5);
        var random = new Random(42);

        var delays = Enumerable.Range(0, 200).Select(_ => policy.DelayAfter(10, random).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 30, 60));
        Assert.True(delays.Distinct().Count() > 100, "jitter gave the same delay again and again");
    }

    [Fact]
    public async Task Stopping_EndsAWaitingAndARunningUnit_WithinABound()
    {
        var time = new RecordingTimeProvider();
        var unit = new FlakyUnit(failuresBeforeSuccess: 0, blockUntilCancelled: true);
        using var host = BuildHost(time, unit);
        await host.StartAsync();
        await Poll.UntilAsync(() => unit.Attempts == 1, "the unit never started");

        var stop = host.StopAsync();

        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.True(unit.SawCancellation);
        Assert.DoesNotContain(host.Services.GetRequiredService<CollectedLines>().Lines, l => l.Level >= LogLevel.Error);
    }

    private static IHost BuildHost(TimeProvider time, FlakyUnit unit, RetryPolicy? retry = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var lines = new CollectedLines();
        builder.Logging.ClearProviders().AddProvider(lines);
        builder.Services.AddSingleton(lines);
        builder.Services.AddSingleton(time);
        builder.Services.AddBackgroundWork();
        builder.Services.AddSingleton(unit);
        builder.Services.AddSingleton(retry ?? RetryPolicy.Default);
        builder.Services.AddHostedService<FlakyService>();
        // A database that is already migrated: the loop waits for it first.
        builder.Services.AddSingleton<IModuleDatabaseState>(new MigratedDatabase());
        return builder.Build();
    }

    private sealed class MigratedDatabase : IModuleDatabaseState
    {
        public bool IsMigrated => true;

        public Task WhenMigrated(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class FlakyUnit(int failuresBeforeSuccess, bool blockUntilCancelled = false)
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public bool Succeeded { get; private set; }

        public bool SawCancellation { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) <= failuresBeforeSuccess)
            {
                throw new IOException($"attempt {_attempts} failed");
            }

            if (blockUntilCancelled)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    SawCancellation = true;
                    throw;
                }
            }

            Succeeded = true;
        }
    }

    private sealed class FlakyService(BackgroundWork work, FlakyUnit unit, RetryPolicy retry) : ResilientBackgroundService(work)
    {
        protected override RetryPolicy Retry => retry;

        protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) => unit.RunAsync(cancellationToken);
    }

    /// <summary>A fake clock that also records every wait the loop asks for, so a test knows it is waiting.</summary>
    private sealed class RecordingTimeProvider : FakeTimeProvider
    {
        private readonly List<TimeSpan> _waits = [];

        public IReadOnlyList<TimeSpan> Waits
        {
            get
            {
                lock (_waits)
                {
                    return _waits.ToList();
                }
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            lock (_waits)
            {
                _waits.Add(dueTime);
            }

            return timer;
        }
    }
}

/// <summary>Log lines of a plain generic host.</summary>
public sealed class CollectedLines : ILoggerProvider
{
    private readonly Infrastructure.CollectedLogs _inner = new();

    public IReadOnlyList<Infrastructure.LogLine> Lines => _inner.Lines;

    public ILogger CreateLogger(string categoryName) => _inner.CreateLogger(categoryName);

    public void Dispose() => _inner.Dispose();
}
