using System.Collections.Concurrent;
using LunaPoint.Modules.Detection.Video;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.SharedKernel.Network;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Tests.Modules.Detection.Capture;

/// <summary>
/// One capture loop under test, built from the real parts (real ffmpeg, real DNS unless a test passes a
/// resolver) with a consumer that takes every frame from the queue, notes it and disposes it. Disposing
/// cancels the loop and asserts that every ffmpeg it started is gone.
/// </summary>
internal sealed class CaptureRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<int> _pids = new();
    private readonly ConcurrentQueue<(long Sequence, TimeSpan? MediaTime, int Width, int Height, DateTimeOffset At)> _frames = new();
    private readonly Task _consumer;
    private readonly SemaphoreSlim? _gate;

    public CaptureRun(SourceSpec spec, CaptureOptions? options = null, IHostResolver? resolver = null, int capacity = 2, bool? dropOldest = null, bool gated = false)
    {
        Spec = spec;
        options ??= new CaptureOptions();
        var launcher = new FfmpegLauncher(Options.Create(options));
        launcher.Started += _pids.Enqueue;
        var loggers = LoggerFactory.Create(b => b.AddProvider(Logs));
        var guard = new NetworkSourceGuard(resolver ?? new DnsHostResolver(), new OutboundAddressPolicy(OutboundAddressPolicy.DefaultDeniedRanges));
        // Test videos and folders live in temp folders and the repository's .cache: those are the media roots here.
        var files = new LocalFileGuard(new LunaPoint.SharedKernel.Files.MediaRoots([Path.GetTempPath(), RepoPaths.Root]));
        var factory = new FrameSourceFactory(launcher, guard, files, Options.Create(options), TimeProvider.System, loggers);
        var loop = new CaptureLoop(factory, Options.Create(options), TimeProvider.System, loggers.CreateLogger<CaptureLoop>());
        Queue = new FrameQueue(capacity, dropOldest ?? !spec.Settings.Batch);
        _gate = gated ? new SemaphoreSlim(0) : null;
        StartedAt = DateTimeOffset.UtcNow;
        Loop = Task.Run(() => loop.RunAsync(spec, Queue, Observer, Counters, _stop.Token));
        _consumer = Task.Run(ConsumeAsync);
    }

    public SourceSpec Spec { get; }

    public DateTimeOffset StartedAt { get; }

    public Task Loop { get; }

    public FrameQueue Queue { get; }

    public RecordingObserver Observer { get; } = new();

    public CaptureCounters Counters { get; } = new();

    public CollectedLogs Logs { get; } = new();

    public IReadOnlyList<int> LaunchedPids => _pids.ToArray();

    public IReadOnlyList<(long Sequence, TimeSpan? MediaTime, int Width, int Height, DateTimeOffset At)> Frames => _frames.ToArray();

    public static SourceSpec NewSpec(string type, string source, bool endless = false, StreamSettings? settings = null) =>
        new(Guid.NewGuid(), type, source, endless, settings ?? new StreamSettings());

    public static StreamSettings Settings(
        double maxFps = 100, bool batch = false, string rtspTransport = "tcp",
        int readTimeoutMs = 5000, int reconnectDelayMs = 200, int maxBackoffMs = 1000, int reconnectAttempts = 0) =>
        new(MaxAnalysisFps: maxFps, Batch: batch, RtspTransport: rtspTransport,
            Healthcheck: new HealthcheckSettings(reconnectAttempts, reconnectDelayMs, maxBackoffMs, readTimeoutMs));

    /// <summary>Lets a gated consumer take <paramref name="count"/> more frames.</summary>
    public void Allow(int count) => _gate!.Release(count);

    public Task UntilAsync(Func<RecordingObserver, bool> condition, int seconds = 60) =>
        Wait.UntilAsync(() => condition(Observer), TimeSpan.FromSeconds(seconds), () => $"events: {Observer.Describe()}; frames {_frames.Count}");

    public Task UntilFramesAsync(int count, int seconds = 60) =>
        Wait.UntilAsync(() => _frames.Count >= count, TimeSpan.FromSeconds(seconds), () => $"{_frames.Count} frames; events: {Observer.Describe()}");

    /// <summary>Cancels the loop, waits for it, and asserts that no ffmpeg it started is still alive.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Loop.WaitAsync(TimeSpan.FromSeconds(30)));
        AssertNoFfmpegLeft();
    }

    public void AssertNoFfmpegLeft()
    {
        var alive = LaunchedPids.Where(Posix.IsAlive).ToList();
        Assert.True(alive.Count == 0, $"ffmpeg processes still alive: {string.Join(", ", alive)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            try
            {
                await Loop.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _consumer.WaitAsync(TimeSpan.FromSeconds(30));
        Queue.Dispose();
        _stop.Dispose();
        AssertNoFfmpegLeft();
    }

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var frame in Queue.ReadAllAsync(_stop.Token))
            {
                using (frame)
                {
                    if (_gate is not null)
                    {
                        await _gate.WaitAsync(_stop.Token);
                    }

                    _frames.Enqueue((frame.Sequence, frame.MediaTime, frame.Width, frame.Height, frame.CapturedAt));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
