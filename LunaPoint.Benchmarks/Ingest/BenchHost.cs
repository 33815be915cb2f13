extern alias host;

using LunaPoint.Modules.Events.Matching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Benchmarks.Ingest;

/// <summary>The real host in process (every module, Detection's workers off: the benchmark is the publisher) on the given database.</summary>
internal sealed class BenchHost(string repoRoot, string connectionString, string dataDir, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<host::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(repoRoot);
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("LunaPoint:DataDir", dataDir);
        builder.UseSetting("LunaPoint:ModelsDir", Path.Combine(repoRoot, "models"));
        builder.UseSetting("LunaPoint:Inference:Device", "Cpu");
        builder.UseSetting("LunaPoint:AdminPassword", "Bench-Admin-Pass-1");
        builder.UseSetting("Modules:Detection:Workers:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("LunaPoint.Modules.Events", LogLevel.Information));
    }

    /// <summary>Starts the host and waits for both match indexes to be loaded; answers the seconds it took.</summary>
    public async Task<double> StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        _ = Server;
        await Services.GetRequiredService<WatchlistIndex>().Readiness.WhenReady.WaitAsync(cancellationToken);
        await Services.GetRequiredService<EventIndex>().Readiness.WhenReady.WaitAsync(cancellationToken);
        return started.Elapsed.TotalSeconds;
    }
}
