extern alias host;

using System.Net;
using LunaPoint.Modules.Events.Matching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Benchmarks.Alerts;

/// <summary>
/// The real host on Kestrel at a loopback port (the live feed's SignalR client connects as a browser
/// would), every module, Detection's workers off: the benchmark publishes the facts.
/// </summary>
internal sealed class AlertsBenchHost(string repoRoot, string connectionString, string dataDir, IReadOnlyDictionary<string, string> settings)
    : WebApplicationFactory<host::Program>
{
    public const string AdminPassword = "Bench-Admin-Pass-1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(repoRoot);
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("LunaPoint:DataDir", dataDir);
        builder.UseSetting("LunaPoint:ModelsDir", Path.Combine(repoRoot, "models"));
        builder.UseSetting("LunaPoint:Inference:Device", "Cpu");
        builder.UseSetting("LunaPoint:AdminPassword", AdminPassword);
        builder.UseSetting("Modules:Detection:Workers:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>Starts the host on Kestrel, waits for the match indexes; answers its base address.</summary>
    public async Task<string> StartKestrelAsync()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        await Services.GetRequiredService<WatchlistIndex>().Readiness.WhenReady;
        await Services.GetRequiredService<EventIndex>().Readiness.WhenReady;
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return addresses.Addresses.Single().TrimEnd('/');
    }
}
