using System.Globalization;

namespace LunaPoint.Tests.Infrastructure.Video;

/// <summary>
/// A live HTTP camera stand-in: ffmpeg serving a looping file in real time as MPEG-TS (copied, no
/// re-encoding) or as multipart MJPEG, on 127.0.0.1. ffmpeg's HTTP server (<c>-listen 1</c>) serves one
/// client and then ends, so a reconnecting client needs <see cref="StartAsync"/> again: that is also
/// how a camera that was restarted looks.
/// </summary>
internal sealed class FfmpegHttpSource(string video, bool mjpeg = false) : IAsyncDisposable
{
    private TestProcess? _server;

    public int Port { get; } = FreePorts.Tcp();

    public string Url => $"http://127.0.0.1:{Port}/live.{(mjpeg ? "mjpg" : "ts")}";

    public int? ProcessId => _server?.Id;

    public static async Task<FfmpegHttpSource> StartNewAsync(string video, bool mjpeg = false)
    {
        var source = new FfmpegHttpSource(video, mjpeg);
        await source.StartAsync();
        return source;
    }

    /// <summary>Starts serving and returns once the port listens (checked in /proc, so the one client slot stays free).</summary>
    public async Task StartAsync()
    {
        await StopAsync();
        string[] encode = mjpeg
            ? ["-c:v", "mjpeg", "-q:v", "5", "-f", "mpjpeg"]
            // Flushed per packet: a small stream would otherwise sit in ffmpeg's 32 KB output buffer for a second.
            : ["-c", "copy", "-flush_packets", "1", "-f", "mpegts"];
        _server = TestProcess.Start("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", video, "-an", .. encode, "-listen", "1", Url]);
        await Wait.UntilAsync(() => Posix.IsListening(Port) || _server.HasExited, TimeSpan.FromSeconds(30), () => $"ffmpeg HTTP server on {Url}: {_server.Output}");
        if (_server.HasExited)
        {
            throw new InvalidOperationException($"ffmpeg HTTP server on {Url} ended: {_server.Output}");
        }
    }

    /// <summary>Ends the server (SIGKILL: what a crash or a pulled cable looks like to the client).</summary>
    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    public Task KillAsync() => StopAsync();

    /// <summary>Freezes the server: the connection stays open and nothing more is sent.</summary>
    public void Pause() => (_server ?? throw new InvalidOperationException("not started")).Pause();

    public void Resume() => (_server ?? throw new InvalidOperationException("not started")).Resume();

    public ValueTask DisposeAsync() => new(StopAsync());

    public override string ToString() => Url + " pid " + (ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-");
}
