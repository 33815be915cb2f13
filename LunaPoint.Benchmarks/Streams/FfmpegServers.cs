using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>
/// Looping HTTP MPEG-TS sources on loopback, one per stream, served by Debian's ffmpeg as in
/// ../shared/STACK.md. <c>-listen 1</c> serves one client and exits when it goes, so each server is
/// restarted until the harness stops.
/// </summary>
internal sealed class FfmpegServers(string clip) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(string Url, Task Loop)> _servers = [];
    private readonly Lock _gate = new();
    private readonly List<Process> _running = [];
    private int _restarts;

    public int Count => _servers.Count;

    /// <summary>Times a server ended (its client went away, or it failed) and was started again.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    public string Url(int index) => _servers[index].Url;

    /// <summary>Starts servers until there are <paramref name="count"/>, and waits until each listens.</summary>
    public async Task EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_servers.Count < count)
        {
            var port = FreePort();
            var url = $"http://127.0.0.1:{port}/live.ts";
            _servers.Add((url, Task.Run(() => ServeAsync(url, _stop.Token), CancellationToken.None)));
            await WaitListeningAsync(port, cancellationToken);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task ServeAsync(string url, CancellationToken cancellationToken)
    {
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!first)
            {
                Interlocked.Increment(ref _restarts);
            }

            first = false;
            var info = new ProcessStartInfo("ffmpeg");
            foreach (var arg in (string[])["-nostdin", "-loglevel", "quiet", "-re", "-stream_loop", "-1", "-i", clip, "-c", "copy", "-f", "mpegts", "-listen", "1", url])
            {
                info.ArgumentList.Add(arg);
            }

            var ffmpeg = ChildProcesses.Start(info);
            lock (_gate)
            {
                _running.Add(ffmpeg);
            }

            try
            {
                await ffmpeg.WaitForExitAsync(cancellationToken);
                // A quick pause, so a server that fails at once does not spin.
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                lock (_gate)
                {
                    _running.Remove(ffmpeg);
                }

                ChildProcesses.Kill(ffmpeg);
            }
        }
    }

    // A probe connection would take the server's only client slot, so read the kernel's socket table.
    private static async Task WaitListeningAsync(int port, CancellationToken cancellationToken)
    {
        var local = "0100007F:" + port.ToString("X4", CultureInfo.InvariantCulture);
        var deadline = Stopwatch.StartNew();
        while (!File.ReadLines("/proc/net/tcp").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Any(f => f.Length > 3 && f[1] == local && f[3] == "0A"))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"ffmpeg did not listen on 127.0.0.1:{port} within 15 s");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_servers.Select(s => s.Loop));
        lock (_gate)
        {
            foreach (var process in _running.ToList())
            {
                ChildProcesses.Kill(process);
            }
        }

        _stop.Dispose();
    }
}
