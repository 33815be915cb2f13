using System.Globalization;

namespace LunaPoint.Tests.Infrastructure.Video;

/// <summary>
/// A live HTTP camera stand-in: ffmpeg serving a looping file in real time as MPEG-TS (copied, no
/// re-encoding) or as multipart MJPEG, on 127.0.0.1. ffmpeg's HTTP server (<c>-listen 1</c>) serves one
/// client and then ends; like a real camera this one takes the next client too, because a new ffmpeg
/// is started whenever the last one ended, until <see cref="StopAsync"/>.
/// </summary>
internal sealed class FfmpegHttpSource(string video, bool mjpeg = false) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private TestProcess? _server;
    private Task? _keeper;
    private CancellationTokenSource? _serving;

    public int Port { get; } = FreePorts.Tcp();

    public string Url => $"http://127.0.0.1:{Port}/live.{(mjpeg ? "mjpg" : "ts")}";

    public int? ProcessId => Current?.Id;

    private TestProcess? Current
    {
        get
        {
            lock (_lock)
            {
                return _server;
            }
        }
    }

    public static async Task<FfmpegHttpSource> StartNewAsync(string video, bool mjpeg = false)
    {
        var source = new FfmpegHttpSource(video, mjpeg);
        await source.StartAsync();
        return source;
    }

    /// <summary>Starts serving and returns once the port listens (checked in /proc, so the client slot stays free).</summary>
    public async Task StartAsync()
    {
        await StopAsync();
        var serving = new CancellationTokenSource();
        // Set only once the first server listens: a launch that fails leaves nothing half-started for
        // StopAsync (a dispose that threw here used to hide the launch's own error).
        var first = await LaunchAsync();
        _serving = serving;
        _keeper = Task.Run(async () =>
        {
            var server = first;
            while (!serving.IsCancellationRequested)
            {
                await Wait.UntilAsync(() => server.HasExited || serving.IsCancellationRequested, TimeSpan.FromDays(1), () => "");
                if (!serving.IsCancellationRequested)
                {
                    server = await LaunchAsync();
                }
            }
        });
    }

    /// <summary>Ends serving (SIGKILL: what a crash or a pulled cable looks like to the client).</summary>
    public async Task StopAsync()
    {
        if (_serving is { } serving)
        {
            await serving.CancelAsync();
            if (_keeper is { } keeper)
            {
                await keeper;
            }

            (_serving, _keeper) = (null, null);
        }

        TestProcess? server;
        lock (_lock)
        {
            (server, _server) = (_server, null);
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    public Task KillAsync() => StopAsync();

    /// <summary>Freezes the server: the connection stays open and nothing more is sent.</summary>
    public void Pause() => (Current ?? throw new InvalidOperationException("not started")).Pause();

    public void Resume() => (Current ?? throw new InvalidOperationException("not started")).Resume();

    public ValueTask DisposeAsync() => new(StopAsync());

    public override string ToString() => Url + " pid " + (ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-");

    private async Task<TestProcess> LaunchAsync()
    {
        string[] encode = mjpeg
            ? ["-c:v", "mjpeg", "-q:v", "5", "-f", "mpjpeg"]
            // Flushed per packet: a small stream would otherwise sit in ffmpeg's 32 KB output buffer for a second.
            : ["-c", "copy", "-flush_packets", "1", "-f", "mpegts"];
        var server = TestProcess.Start("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", video, "-an", .. encode, "-listen", "1", Url]);
        TestProcess? previous;
        lock (_lock)
        {
            (previous, _server) = (_server, server);
        }

        if (previous is not null)
        {
            await previous.DisposeAsync();
        }

        await Wait.UntilAsync(() => Posix.IsListening(Port) || server.HasExited, TimeSpan.FromSeconds(90), () => $"ffmpeg HTTP server on {Url}: {server.Output}");
        return server;
    }
}
