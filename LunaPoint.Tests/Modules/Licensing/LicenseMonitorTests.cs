using System.Net;
using System.Net.Http.Json;
using LunaPoint.Modules.Licensing.Workers;
using LunaPoint.Modules.Licensing.Features;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Tests.Modules.Licensing;

/// <summary>
/// The licence monitor's announcements, driven by a fake clock in the real host: "expiring" once per UTC
/// day inside the warning window, "expired" once, nothing for a licence far from expiry. The operator sees
/// each announcement as one warning line; the facts go out with them.
/// </summary>
public abstract class LicenseMonitorTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly (string PrivatePem, string PublicPem) _keys = LicenseSigner.CreateKeyPair();
    private FakeTimeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await FakeTimeHost.StartAsync(provider, new Dictionary<string, string?> { ["LunaPoint:Licensing:PublicKey"] = _keys.PublicPem });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ExpiringLicence_IsAnnouncedOncePerDay()
    {
        var now = _host.Time.GetUtcNow();
        await UploadAsync(now.AddDays(10));
        // 01:00 UTC tomorrow: the next checks stay inside one UTC day whatever time the test starts.
        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(1), TimeSpan.Zero);

        await CheckAsync(tomorrow - now);
        Assert.Single(Announcements("expires in"));

        await CheckAsync(TimeSpan.FromMinutes(1));
        await CheckAsync(TimeSpan.FromMinutes(1));
        await CheckAsync(TimeSpan.FromHours(6));
        Assert.Single(Announcements("expires in"));

        await CheckAsync(TimeSpan.FromHours(18));
        Assert.Equal(2, Announcements("expires in").Count);
        Assert.Empty(Announcements("expired on"));
    }

    [Fact]
    public async Task ExpiredLicence_IsAnnouncedOnce()
    {
        await UploadAsync(_host.Time.GetUtcNow().AddHours(2));

        await CheckAsync(TimeSpan.FromHours(3));
        Assert.Single(Announcements("expired on"));

        await CheckAsync(TimeSpan.FromMinutes(1));
        await CheckAsync(TimeSpan.FromDays(1));
        await CheckAsync(TimeSpan.FromDays(1));
        Assert.Single(Announcements("expired on"));
    }

    [Fact]
    public async Task LicenceFarFromExpiry_IsNeverAnnounced()
    {
        await UploadAsync(_host.Time.GetUtcNow().AddYears(1));

        await CheckAsync(TimeSpan.FromMinutes(1));
        await CheckAsync(TimeSpan.FromDays(1));
        await CheckAsync(TimeSpan.FromDays(30));

        Assert.Empty(Announcements("expires in"));
        Assert.Empty(Announcements("expired on"));
    }

    private LicenseMonitor Monitor => _host.Services.GetServices<IHostedService>().OfType<LicenseMonitor>().Single();

    /// <summary>Moves the clock and waits until the monitor has checked at the new time.</summary>
    private async Task CheckAsync(TimeSpan jump)
    {
        var target = _host.Time.GetUtcNow() + jump;
        await _host.AdvanceUntilAsync(jump, () => Monitor.LastCheckedAt >= target, $"the licence monitor never checked after {target:O}");
    }

    private List<LogLine> Announcements(string text) =>
        _host.Parent.Logs.Lines.Where(l => l.Category == typeof(LicenseMonitor).FullName && l.Level == LogLevel.Warning && l.Message.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>Uploads through the API as the administrator, before the clock moves (tokens use it too).</summary>
    private async Task UploadAsync(DateTimeOffset expires)
    {
        var now = _host.Time.GetUtcNow();
        var license = LicenseSigner.Sign(new LicenseDocument("Monitor Ltd", now.AddMinutes(-1), expires, 4, 10_000, false, false, false, false), _keys.PrivatePem);
        using var login = _host.Factory.CreateClient();
        using var token = await login.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = LunaPointFactory.AdminPassword });
        var accessToken = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        using var admin = _host.Factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await admin.PutAsJsonAsync("/api/v1/license", license);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"licence upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class LicenseMonitorTestsOnPostgres() : LicenseMonitorTests(DatabaseProvider.Postgres);

public sealed class LicenseMonitorTestsOnSqlite() : LicenseMonitorTests(DatabaseProvider.Sqlite);
