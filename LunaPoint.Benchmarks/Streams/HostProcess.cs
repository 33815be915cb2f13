using System.Diagnostics;

namespace LunaPoint.Benchmarks.Streams;

/// <summary>
/// The real host as a child process (Release build, embedded SQLite in a temp folder, loopback port), so
/// the figures include everything a deployment runs: HTTP, database, workers, ffmpeg decoders.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string AdminPassword = "Bench-Admin-Pass-1";

    private readonly Process _process;
    private readonly string _work;
    private readonly StreamWriter _log;
    private readonly bool _keep;

    private HostProcess(Process process, string work, StreamWriter log, Uri baseAddress, bool keep)
    {
        (_process, _work, _log, BaseAddress, _keep) = (process, work, log, baseAddress, keep);
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public string LogPath => Path.Combine(_work, "host.log");

    public static async Task BuildAsync(string repoRoot, TextWriter log, CancellationToken cancellationToken)
    {
        log.WriteLine("building LunaPoint.Host (Release) ...");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repoRoot };
        foreach (var arg in (string[])["build", "LunaPoint.Host", "-c", "Release", "-p:FetchFaceModels=false", "-nologo", "-v", "q"])
        {
            info.ArgumentList.Add(arg);
        }

        var build = ChildProcesses.Start(info);
        try
        {
            var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = build.StandardError.ReadToEndAsync(cancellationToken);
            await build.WaitForExitAsync(cancellationToken);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet build LunaPoint.Host failed:\n{await output}{await errors}");
            }
        }
        finally
        {
            ChildProcesses.Kill(build);
        }
    }

    public static async Task<HostProcess> StartAsync(
        string repoRoot, string publicKeyPem, IReadOnlyDictionary<string, string> settings, bool keep, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(repoRoot, "LunaPoint.Host", "bin", "Release", "net10.0", "LunaPoint.Host.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: run without --no-build");
        }

        var work = Directory.CreateTempSubdirectory("lunapoint-bench-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FfmpegServers.FreePort()}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        foreach (var arg in (string[])[dll, "--urls", baseAddress.ToString().TrimEnd('/'), "--contentRoot", repoRoot])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ConnectionStrings__Postgres"] = "";
        info.Environment["LunaPoint__DataDir"] = Path.Combine(work, "data");
        info.Environment["LunaPoint__ModelsDir"] = Path.Combine(repoRoot, "models");
        info.Environment["LunaPoint__AdminPassword"] = AdminPassword;
        info.Environment["LunaPoint__Licensing__PublicKey"] = publicKeyPem;
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(Path.Combine(work, "host.log")) { AutoFlush = true };
        var process = ChildProcesses.Start(info);
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, work, log, baseAddress, keep);
        try
        {
            await host.WaitReadyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"the host was not ready within 180 s:\n{Tail()}");
    }

    /// <summary>The last lines of the host's log, for error messages.</summary>
    public string Tail(int lines = 30)
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var read = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(read);
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The host's last words after the harness closed the log.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        ChildProcesses.Kill(_process);
        lock (_log)
        {
            _log.Dispose();
        }

        if (!_keep)
        {
            Directory.Delete(_work, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
