using System.Net;
using LunaPoint.SharedKernel.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Tests.Infrastructure;

/// <summary>
/// The real host, all modules, on a database of its own. Settings go in the same way an operator
/// gives them (configuration keys), so what is tested is what ships.
/// </summary>
public sealed class LunaPointFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>
    /// Changes to the host's services, for the few states settings cannot make (e.g. a host caught before a
    /// start-up job has run). Everything else goes through settings.
    /// </summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public const string AdminPassword = "Bootstrap-Admin-Pass-1";

    public CollectedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The repository root, as scripts/run.sh uses: the host reads the root appsettings.json itself.
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseSetting("ConnectionStrings:Postgres", Database.PostgresConnectionString);
        builder.UseSetting("LunaPoint:DataDir", Database.DataDir);
        builder.UseSetting("LunaPoint:ModelsDir", RepoPaths.Models);
        builder.UseSetting("LunaPoint:Inference:Device", "Cpu");
        builder.UseSetting("LunaPoint:AdminPassword", AdminPassword);
        // Tests sign in far more often than people; the limiter itself is tested with a low limit.
        builder.UseSetting("LunaPoint:Auth:SignInPermitsPerMinute", "100000");
        builder.UseSetting("LunaPoint:Auth:FailedCredentialsPerMinute", "100000");
        // Hundreds of tests create streams to test the Stream service; analysing them all would start an
        // ffmpeg per stream. Tests of the workers use a fixture that switches them on.
        builder.UseSetting("Modules:Detection:Workers:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>Polls /health/ready until it answers 200, failing with the last report if it never does.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            last = await response.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }

        throw new TimeoutException($"The host did not become ready on {Database.Provider}. Last report: {last}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static async Task<LunaPointFactory> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var factory = new LunaPointFactory(await TestDatabase.CreateAsync(provider), settings) { TestServices = services };
        _ = factory.Server; // builds and starts the host
        return factory;
    }
}
