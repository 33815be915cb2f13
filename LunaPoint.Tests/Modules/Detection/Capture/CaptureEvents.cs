using System.Collections.Concurrent;
using LunaPoint.Modules.Detection.Video;

namespace LunaPoint.Tests.Modules.Detection.Capture;

internal abstract record CaptureEvent(DateTimeOffset At);

internal sealed record Streaming(DateTimeOffset At, double? Fps) : CaptureEvent(At);

internal sealed record Failed(DateTimeOffset At, string Reason, TimeSpan? RetryIn) : CaptureEvent(At);

internal sealed record Finished(DateTimeOffset At) : CaptureEvent(At);

/// <summary>Records what the capture loop reports, in order, for the tests to wait on and assert.</summary>
internal sealed class RecordingObserver : ICaptureObserver
{
    private readonly ConcurrentQueue<CaptureEvent> _events = new();

    public IReadOnlyList<CaptureEvent> Events => _events.ToArray();

    public IReadOnlyList<Failed> Failures => Events.OfType<Failed>().ToList();

    public int StreamingCount => Events.OfType<Streaming>().Count();

    public ValueTask OnStreamingAsync(double? inputFps, CancellationToken cancellationToken)
    {
        _events.Enqueue(new Streaming(DateTimeOffset.UtcNow, inputFps));
        return ValueTask.CompletedTask;
    }

    public ValueTask OnFailedAsync(string reason, TimeSpan? retryIn, CancellationToken cancellationToken)
    {
        _events.Enqueue(new Failed(DateTimeOffset.UtcNow, reason, retryIn));
        return ValueTask.CompletedTask;
    }

    public ValueTask OnFinishedAsync(CancellationToken cancellationToken)
    {
        _events.Enqueue(new Finished(DateTimeOffset.UtcNow));
        return ValueTask.CompletedTask;
    }

    public string Describe() => string.Join(" | ", Events.Select(e => e switch
    {
        Streaming s => $"streaming {s.Fps}",
        Failed f => $"failed '{f.Reason}' retry {f.RetryIn}",
        _ => "finished",
    }));
}
