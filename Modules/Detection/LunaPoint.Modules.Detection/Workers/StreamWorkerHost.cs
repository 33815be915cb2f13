using System.Text.Json;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// Keeps one worker per stream that should be analysed, level-triggered: <see cref="ReconcileAsync"/>
/// compares the streams Streams says are enabled with the workers running and starts, restarts (settings
/// or source changed) and stops workers until they agree. Called on every stream fact and periodically, so
/// a lost fact only delays the effect. Each worker runs in <see cref="BackgroundWork"/>: whatever it
/// throws is logged, reported on the stream and retried; it never touches another stream or the host.
/// </summary>
internal sealed partial class StreamWorkerHost(
    BackgroundWork work, IServiceScopeFactory scopes, StreamRuntimes runtimes, TimeProvider clock, ILogger<StreamWorkerHost> logger) : IAsyncDisposable
{
    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _stopped;

    /// <summary>False when <c>Modules:Detection:Workers:Enabled</c> is false: facts then start nothing.</summary>
    public bool Enabled { get; set; } = true;

    public int RunningCount
    {
        get
        {
            lock (_entries)
            {
                return _entries.Values.Count(e => e.Task is { IsCompleted: false });
            }
        }
    }

    public async Task ReconcileAsync(IReadOnlyList<StreamToAnalyse> streams, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_stopped)
            {
                return;
            }

            // An enabled stream keeps its worker (running, or finished with these very settings: a done file keeps
            // its figures) unless it was paused or its source or settings changed.
            var enabled = streams.ToDictionary(s => s.Id);
            foreach (var (id, entry) in Snapshot())
            {
                var keep = enabled.TryGetValue(id, out var stream) && stream.Status != StreamState.Paused && entry.Fingerprint == Fingerprint(stream);
                if (!keep)
                {
                    await StopAsync(id, entry);
                }
            }

            foreach (var stream in enabled.Values)
            {
                lock (_entries)
                {
                    if (_entries.ContainsKey(stream.Id) || stream.Status is StreamState.Paused or StreamState.Done)
                    {
                        continue; // has a worker (or had one with these settings: wait for a start or an edit), paused, or done
                    }
                }

                Start(stream);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A start or an edit: a worker that finished or gave up may run again.</summary>
    public void Forget(Guid streamId)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(streamId, out var entry) && entry.Task is { IsCompleted: true })
            {
                _entries.Remove(streamId);
            }
        }
    }

    /// <summary>Stops one stream's worker now (stream disabled or deleted) and waits until it and its ffmpeg are gone.</summary>
    public async Task StopAsync(Guid streamId)
    {
        await _gate.WaitAsync();
        try
        {
            Entry? entry;
            lock (_entries)
            {
                _entries.TryGetValue(streamId, out entry);
            }

            if (entry is not null)
            {
                await StopAsync(streamId, entry);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Host shutdown: stops every worker and waits for them; nothing starts afterwards.</summary>
    public async Task StopAllAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _stopped = true;
            await Task.WhenAll(Snapshot().Select(p => StopAsync(p.Key, p.Value)));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAllAsync();

    private void Start(StreamToAnalyse stream)
    {
        var cts = new CancellationTokenSource();
        var runtime = runtimes.Start(stream.Id, clock.GetUtcNow());
        var options = new WorkOptions($"Stream worker {stream.Id}")
        {
            // Whatever the worker threw is the stream's failure, reported like capture's own.
            OnFailure = (failure, ct) => new StreamStatusReporter(scopes, runtime, clock)
                .OnFailedAsync($"analysis failed: {failure.Exception.Message}", failure.RetryIn, ct).AsTask(),
        };
        LogStarting(stream.Id, stream.Type);
        Task task;
        // The worker outlives the request whose fact started it: it must not carry that request's log scope
        // (request path and id) or trace into every line it logs for hours.
        using (ExecutionContext.SuppressFlow())
        {
            task = Task.Run(async () =>
            {
                await work.RunAsync(options, (services, ct) => services.GetRequiredService<StreamWorker>().RunAsync(stream, runtime, ct), cts.Token);
                runtime.Running = false;
            });
        }

        lock (_entries)
        {
            _entries[stream.Id] = new Entry(Fingerprint(stream), cts, task);
        }
    }

    private async Task StopAsync(Guid streamId, Entry entry)
    {
        lock (_entries)
        {
            _entries.Remove(streamId);
        }

        await entry.Cts.CancelAsync();
        await entry.Task;
        entry.Cts.Dispose();
        // A stopped or deleted stream is not analysed: its figures and last frame are no longer served.
        runtimes.Remove(streamId);
        LogStopped(streamId);
    }

    private List<KeyValuePair<Guid, Entry>> Snapshot()
    {
        lock (_entries)
        {
            return [.. _entries];
        }
    }

    /// <summary>What a worker depends on; the stream's status and name do not restart it.</summary>
    private static string Fingerprint(StreamToAnalyse s) => JsonSerializer.Serialize(new { s.Type, s.Source, s.Endless, s.Settings });

    private sealed record Entry(string Fingerprint, CancellationTokenSource Cts, Task Task);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting the worker of stream {StreamId} ({Type})")]
    private partial void LogStarting(Guid streamId, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped the worker of stream {StreamId}")]
    private partial void LogStopped(Guid streamId);
}
