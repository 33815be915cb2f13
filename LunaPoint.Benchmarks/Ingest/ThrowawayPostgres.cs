using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LunaPoint.Benchmarks.Ingest;

/// <summary>
/// A PostgreSQL cluster of its own in a temp folder on a free loopback port (as scripts/test.sh starts
/// one), stopped and removed on dispose; run as the postgres user when we are root (initdb refuses root).
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;

    private ThrowawayPostgres(string bin, string dir, int port)
    {
        (_bin, _dir) = (bin, dir);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql)");
        var dir = Directory.CreateTempSubdirectory("lunapoint-ingest-pg-").FullName;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var pg = new ThrowawayPostgres(bin, dir, port);
        await RunAsync("chown", "postgres:postgres", dir);
        await pg.AsPostgresAsync("initdb", "-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        await pg.AsPostgresAsync("pg_ctl", "-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "log"), "-w", "-o",
            $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB", "start");
        return pg;
    }

    public async ValueTask DisposeAsync()
    {
        await AsPostgresAsync("pg_ctl", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "stop");
        Directory.Delete(_dir, recursive: true);
    }

    private Task AsPostgresAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
