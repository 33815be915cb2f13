using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LunaPoint.Modules.Detection.Webhooks;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Detection.Webhooks;

/// <summary>
/// The real host on a fake clock, shared by one provider's webhook tests: POSTs time out after 3 s, give
/// up after an hour, and 127.0.0.2 is a denied range. Each test uses receivers (URLs) of its own.
/// </summary>
public abstract class WebhookHost(DatabaseProvider provider) : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly MeterListener _listener = new();

    public FakeTimeHost Host { get; private set; } = null!;

    /// <summary>What the dispatcher counted on the module's meter, in this host only.</summary>
    public long Count(string instrument) => _counts.GetValueOrDefault(instrument);

    public async Task InitializeAsync()
    {
        Host = await FakeTimeHost.StartAsync(provider, new Dictionary<string, string?>
        {
            // The test factory leaves Detection's workers off; the dispatcher is one of them.
            ["Modules:Detection:Workers:Enabled"] = "true",
            ["LunaPoint:Detection:Webhooks:Timeout"] = Timeout.ToString(),
            ["LunaPoint:Detection:Webhooks:GiveUpAfter"] = GiveUpAfter.ToString(),
            ["LunaPoint:Network:DeniedRanges:0"] = "127.0.0.2/32",
            ["LunaPoint:Network:DeniedRanges:1"] = "169.254.0.0/16",
        });
        var scope = Host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Meter.Name == WebhookMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _counts.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await Host.DisposeAsync();
    }
}

public sealed class PostgresWebhookHost() : WebhookHost(DatabaseProvider.Postgres);

public sealed class SqliteWebhookHost() : WebhookHost(DatabaseProvider.Sqlite);
