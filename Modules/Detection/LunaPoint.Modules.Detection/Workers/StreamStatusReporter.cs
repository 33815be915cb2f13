using LunaPoint.Modules.Detection.Video;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// Turns what capture sees into the stream's status (ReportStreamStatus, each in a scope of its own):
/// in progress with the input rate at the first frame and then every <see cref="HeartbeatEvery"/>,
/// failed with the reason and when it retries, done when a file or folder is finished and analysed.
/// </summary>
internal sealed class StreamStatusReporter(IServiceScopeFactory scopes, StreamRuntime runtime, TimeProvider clock) : ICaptureObserver
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(5);

    private long _lastReport;
    private volatile bool _streaming;

    public async ValueTask OnStreamingAsync(double? inputFps, CancellationToken cancellationToken)
    {
        _streaming = true;
        await SendAsync(StreamState.InProgress, null, inputFps, cancellationToken);
    }

    public async ValueTask OnFailedAsync(string reason, TimeSpan? retryIn, CancellationToken cancellationToken)
    {
        _streaming = false;
        var text = retryIn is { } wait ? $"{reason}; reconnecting in {wait.TotalSeconds:0.#} s" : $"{reason}; no more reconnect attempts (healthcheck.reconnectAttempts)";
        await SendAsync(StreamState.Failed, text, null, cancellationToken);
    }

    /// <summary>
    /// Capture read the last frame; the stream is done only once analysis has worked through the frames
    /// still queued and sent the final best shots (<see cref="ReportDoneAsync"/>), so "done" means done.
    /// </summary>
    public ValueTask OnFinishedAsync(CancellationToken cancellationToken)
    {
        _streaming = false;
        SourceFinished = true;
        return ValueTask.CompletedTask;
    }

    public bool SourceFinished { get; private set; }

    public async ValueTask ReportDoneAsync(CancellationToken cancellationToken) =>
        await SendAsync(StreamState.Done, "the source is finished", null, cancellationToken);

    /// <summary>Keeps the stream's input rate and last frame time fresh while frames flow.</summary>
    public async ValueTask HeartbeatAsync(CancellationToken cancellationToken)
    {
        if (_streaming && clock.GetElapsedTime(Interlocked.Read(ref _lastReport)) >= HeartbeatEvery)
        {
            await SendAsync(StreamState.InProgress, null, runtime.Capture.SourceFps ?? runtime.Capture.InputFps, cancellationToken);
        }
    }

    private async ValueTask SendAsync(StreamState state, string? reason, double? inputFps, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastReport, clock.GetTimestamp());
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new ReportStreamStatus(runtime.StreamId, state, reason, runtime.Capture.LastFrameAt, inputFps is { } fps ? Math.Round(fps, 2) : null),
            cancellationToken);
    }
}
