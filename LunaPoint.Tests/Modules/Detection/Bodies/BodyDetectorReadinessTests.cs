using System.Text.Json;
using LunaPoint.Modules.Detection.Bodies;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Detection.Bodies;

/// <summary>The host wires one shared body detector and /health/ready says which detector answers.</summary>
public abstract class BodyDetectorReadinessTests(HostFixture fixture) : IAsyncLifetime
{
    private HttpClient _viewer = null!;

    public async Task InitializeAsync() => _viewer = await fixture.Factory.CreateClientAsAsync(LunaPoint.Modules.Auth.Contracts.Roles.Viewer);

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task HealthReady_NamesTheHogFallback_AndStaysHealthy()
    {
        using var response = await _viewer.GetAsync("/health/ready");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var bodies = report.RootElement.GetProperty("checks").GetProperty("bodies");
        Assert.Equal("Healthy", bodies.GetProperty("status").GetString());
        Assert.Contains("HOG people detector", bodies.GetProperty("description").GetString());
    }

    [Fact]
    public void Host_SharesOneBodyDetector()
    {
        var first = fixture.Factory.Services.GetRequiredService<BodyDetector>();

        Assert.Same(first, fixture.Factory.Services.GetRequiredService<BodyDetector>());
        Assert.Equal(BodyDetector.HogName, first.Name);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class BodyDetectorReadinessTestsOnPostgres(PostgresHostFixture fixture) : BodyDetectorReadinessTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class BodyDetectorReadinessTestsOnSqlite(SqliteHostFixture fixture) : BodyDetectorReadinessTests(fixture);
