using System.Net;
using LunaPoint.Modules.Licensing.Workers;
using LunaPoint.Modules.Licensing.Features;
using LunaPoint.Modules.Streams.Workers;
using LunaPoint.SharedKernel.Data;
using LunaPoint.SharedKernel.Hosting;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LunaPoint.Tests.Platform;

/// <summary>
/// <c>Modules:&lt;Name&gt;:Workers:Enabled=false</c> runs the host without that module's workers and
/// nothing else changes: it becomes ready, the API answers, the other modules' workers run. The removed
/// <c>Modules:&lt;Name&gt;:Enabled</c> stops the start with a message instead of breaking the host.
/// </summary>
public sealed class WorkerSwitchTests
{
    /// <summary>Each module's workers today; Notifications' dispatch joins with its step.</summary>
    private static readonly Dictionary<string, Type[]> Workers = new()
    {
        ["Licensing"] = [typeof(LicenseMonitor)],
        ["Streams"] = [typeof(LicenseReconciler)],
        ["Detection"] = [typeof(LunaPoint.Modules.Detection.Workers.StreamSupervisor), typeof(LunaPoint.Modules.Detection.Webhooks.WebhookDispatcher)],
        ["Notifications"] = [],
    };

    [Theory]
    [InlineData("Licensing")]
    [InlineData("Streams")]
    [InlineData("Detection")]
    [InlineData("Notifications")]
    public async Task WorkersSwitchedOff_HostServes_WithoutThatModulesWorkers(string module)
    {
        // The test factory leaves Detection's video workers off; here every module but one has them on.
        var settings = Workers.Keys.ToDictionary(m => $"Modules:{m}:Workers:Enabled", m => (string?)(m == module ? "false" : "true"));
        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Sqlite, settings);

        await AssertServesAsync(factory);
        var running = factory.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToHashSet();
        Assert.All(Workers[module], w => Assert.DoesNotContain(w, running));
        Assert.All(Workers.Where(p => p.Key != module).SelectMany(p => p.Value), w => Assert.Contains(w, running));
    }

    [Fact]
    public async Task AllWorkersSwitchedOff_OnPostgres_HostServes_WithNoWorkers()
    {
        var settings = Workers.Keys.ToDictionary(m => $"Modules:{m}:Workers:Enabled", _ => (string?)"false");
        await using var factory = await LunaPointFactory.StartAsync(DatabaseProvider.Postgres, settings);

        await AssertServesAsync(factory);
        var running = factory.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToHashSet();
        Assert.DoesNotContain(running, t => Workers.Values.SelectMany(w => w).Contains(t));
        // Start-up jobs are not workers: the first administrator and the face models are still there.
        Assert.Contains(running, t => t.IsSubclassOf(typeof(ResilientBackgroundService)));
    }

    [Fact]
    public async Task RemovedModuleSwitch_StopsTheStart_SayingWhatToUse()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new LunaPointFactory(database, new Dictionary<string, string?> { ["Modules:Events:Enabled"] = "false" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("Modules:Events:Enabled=false", error.Message);
        Assert.Contains("Modules:<Name>:Workers:Enabled=false", error.Message);
    }

    private static async Task AssertServesAsync(LunaPointFactory factory)
    {
        await factory.WaitUntilReadyAsync();
        using var admin = await factory.CreateAdminClientAsync();
        foreach (var path in new[] { "/api/v1/license", "/api/v1/streams", "/api/v1/users" })
        {
            using var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
