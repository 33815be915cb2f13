using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Licensing.Workers;
using LunaPoint.Modules.Licensing.Features;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Tests.Platform;

/// <summary>
/// ADR 0006 end to end: the real Streams consumer of "licence expired" fails its delivery (a database
/// fault injected into its write), yet the announcement stands, the host stays up, and Streams' own
/// reconciliation still pauses the streams.
/// </summary>
public abstract class DependableFactsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly (string PrivatePem, string PublicPem) _keys = LicenseSigner.CreateKeyPair();
    private readonly FailFirstPause _fault = new();
    private FakeTimeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await FakeTimeHost.StartAsync(
            provider,
            new Dictionary<string, string?>
            {
                ["LunaPoint:Licensing:PublicKey"] = _keys.PublicPem,
                // Reconciliation a day apart, so the fact's delivery certainly comes first.
                ["Modules:Streams:Workers:LicenseCheckSeconds"] = "86400",
            },
            s => s.AddKeyedSingleton<IInterceptor>(typeof(StreamsDbContext), _fault));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FailingSubscriber_NeitherFailsTheAnnouncement_NorLosesThePause()
    {
        using var admin = await AdminAsync();
        var now = _host.Time.GetUtcNow();
        var license = LicenseSigner.Sign(new LicenseDocument("Facts Ltd", now.AddMinutes(-1), now.AddMinutes(30), 4, 10_000, false, false, false, false), _keys.PrivatePem);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/license", license)).StatusCode);
        foreach (var name in new[] { "Gate A", "Gate B" })
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/streams", new { name, type = "rtsp", source = $"rtsp://127.0.0.1:8554/{name.Replace(' ', '-')}", enabled = true });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        _fault.Arm();
        var monitor = _host.Services.GetServices<IHostedService>().OfType<LicenseMonitor>().Single();
        var expiredCheck = _host.Time.GetUtcNow().AddHours(1);
        await _host.AdvanceUntilAsync(TimeSpan.FromHours(1), () => monitor.LastCheckedAt >= expiredCheck, "the monitor never checked after expiry");

        Assert.Equal(1, _fault.Thrown);
        var logs = _host.Parent.Logs.Lines;
        Assert.Single(logs, l => l.Category == typeof(LicenseMonitor).FullName && l.Message.Contains("expired on", StringComparison.Ordinal));
        var failure = Assert.Single(logs, l => l.Category.EndsWith("IsolatingNotificationPublisher", StringComparison.Ordinal));
        Assert.Contains("LicenseExpired", failure.Message);
        Assert.Equal(2, await CountAsync(StreamStatus.Pending));
        using var live = await _host.Factory.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await _host.AdvanceUntilAsync(TimeSpan.FromDays(1), async () => await CountAsync(StreamStatus.Paused) == 2, "reconciliation never paused the streams");

        Assert.Equal(0, await CountAsync(StreamStatus.Pending));
        Assert.Single(_host.Parent.Logs.Lines, l => l.Category == typeof(LicenseMonitor).FullName && l.Message.Contains("expired on", StringComparison.Ordinal));
    }

    private async Task<int> CountAsync(StreamStatus status)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StreamsDbContext>().Streams.CountAsync(s => s.Status == status);
    }

    private async Task<HttpClient> AdminAsync()
    {
        using var login = _host.Factory.CreateClient();
        using var token = await login.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = LunaPointFactory.AdminPassword });
        var client = _host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Once armed, fails the first write that pauses a stream, as a dropped connection would.</summary>
    private sealed class FailFirstPause : SaveChangesInterceptor
    {
        private int _armed;
        private int _thrown;

        public int Thrown => Volatile.Read(ref _thrown);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var pausing = eventData.Context!.ChangeTracker.Entries<VideoStream>().Any(e => e.State == EntityState.Modified && e.Entity.Status == StreamStatus.Paused);
            if (pausing && Interlocked.CompareExchange(ref _armed, 0, 1) == 1)
            {
                Interlocked.Increment(ref _thrown);
                throw new DbUpdateException("injected fault: the database went away");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}

public sealed class DependableFactsTestsOnPostgres() : DependableFactsTests(DatabaseProvider.Postgres);

public sealed class DependableFactsTestsOnSqlite() : DependableFactsTests(DatabaseProvider.Sqlite);
