using System.Globalization;

namespace LunaPoint.Tests.Infrastructure.Video;

/// <summary>
/// An RTSP camera stand-in: Debian's <c>rtsp-server-perl</c> on 127.0.0.1, fed by ffmpeg publishing a
/// looping file in real time. It serves RTP over UDP only (a TCP-interleaved SETUP gets 400), which is
/// what the "udp" and "auto" transports are for. Each server gets its own RTP port range so that
/// servers of tests running side by side do not collide.
/// </summary>
internal sealed class RtspTestServer(string video) : IAsyncDisposable
{
    private static int _nextRtpBlock = Random.Shared.Next(0, 200);
    private TestProcess? _server;
    private TestProcess? _publisher;

    public int ClientPort { get; } = FreePorts.TcpAndUdp();

    public int SourcePort { get; } = FreePorts.Tcp();

    public string Url => $"rtsp://127.0.0.1:{ClientPort}/cam1";

    public static async Task<RtspTestServer> StartNewAsync(string video)
    {
        var server = new RtspTestServer(video);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts server and publisher; returns once a client can read the stream (probed with ffprobe).</summary>
    public async Task StartAsync()
    {
        await StopAsync();
        var rtpStart = 30000 + (Interlocked.Increment(ref _nextRtpBlock) % 300) * 100;
        var server = _server = TestProcess.Start("rtsp-server-perl",
        [
            "-c", Str(ClientPort), "-s", Str(SourcePort), "--client_listen_address", "127.0.0.1", "--source_listen_address", "127.0.0.1",
            "--rtp_start_port", Str(rtpStart), "-l", "2",
        ]);
        await Wait.UntilAsync(() => Posix.IsListening(ClientPort) && Posix.IsListening(SourcePort) || server.HasExited, TimeSpan.FromSeconds(30),
            () => $"rtsp-server-perl on {ClientPort}/{SourcePort}: {server.Output}");
        if (server.HasExited)
        {
            throw new InvalidOperationException($"rtsp-server-perl ended: {server.Output}. Install it: apt-get install -y rtsp-server-perl");
        }

        _publisher = TestProcess.Start("ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", video, "-an", "-c", "copy", "-f", "rtsp", $"rtsp://127.0.0.1:{SourcePort}/cam1"]);
        await Wait.UntilAsync(Readable, TimeSpan.FromSeconds(60), () => $"publisher: {_publisher.Output} server: {server.Output}");
    }

    /// <summary>Kills server and publisher (SIGKILL: a camera that crashed or lost power).</summary>
    public async Task StopAsync()
    {
        foreach (var process in new[] { _publisher, _server })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        (_publisher, _server) = (null, null);
    }

    public Task KillAsync() => StopAsync();

    /// <summary>Freezes the server: sessions stay open, no more RTP packets go out.</summary>
    public void Pause() => (_server ?? throw new InvalidOperationException("not started")).Pause();

    public void Resume() => (_server ?? throw new InvalidOperationException("not started")).Resume();

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<bool> Readable()
    {
        if (_publisher is null || _publisher.HasExited)
        {
            throw new InvalidOperationException($"the RTSP publisher ended: {_publisher?.Output}");
        }

        try
        {
            await TestProcess.RunAsync(TimeSpan.FromSeconds(10), "ffprobe",
                ["-v", "error", "-rtsp_transport", "udp", "-show_entries", "stream=width", "-of", "csv=p=0", Url]);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
