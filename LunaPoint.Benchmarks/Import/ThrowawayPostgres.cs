using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LunaPoint.Benchmarks.Import;

/// <summary>A PostgreSQL cluster of its own in a temp folder on a free loopback port, as scripts/test.sh makes one; stopped and removed on dispose.</summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _dir;

    private ThrowawayPostgres(string bin, string dir, int port) => (_bin, _dir, Port) = (bin, dir, port);

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken cancellationToken)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql (scripts/test.sh does it).");
        var dir = Directory.CreateTempSubdirectory("lunapoint-bench-pg-").FullName;
        var port = FreePort();
        var postgres = new ThrowawayPostgres(bin, dir, port);
        await RunAsync("chown", ["postgres:postgres", dir], cancellationToken);
        await postgres.AsPostgresAsync("initdb", ["-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8"], cancellationToken);
        await postgres.AsPostgresAsync("pg_ctl", ["-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "log"), "-w",
            "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_wal_size=4GB", "start"], cancellationToken);
        return postgres;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "stop"], CancellationToken.None);
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private Task AsPostgresAsync(string tool, string[] args, CancellationToken cancellationToken) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args], cancellationToken);

    private static async Task RunAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
