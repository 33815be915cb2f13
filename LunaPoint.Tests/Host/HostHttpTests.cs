using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Host;

/// <summary>The host's HTTP surface: health, API 404s, OpenAPI, the API reference and the console shell.</summary>
public abstract partial class HostHttpTests(HostFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Factory.CreateAnonymousClient();
    private HttpClient _viewer = null!;

    public async Task InitializeAsync() => _viewer = await fixture.Factory.CreateClientAsAsync(LunaPoint.Modules.Auth.Contracts.Roles.Viewer);

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task HealthLive_Returns200()
    {
        using var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthReady_WhenMigratedAndModelsLoaded_Returns200WithEveryModuleSchema()
    {
        // The checks are shown to signed-in users only (anonymous probes get the status).
        using var response = await _viewer.GetAsync("/health/ready");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = report.RootElement.GetProperty("checks");
        foreach (var schema in new[] { "streams", "detection", "events", "licensing", "clementine_auth", "notifications" })
        {
            Assert.Equal("Healthy", checks.GetProperty($"database:{schema}").GetProperty("status").GetString());
        }

        Assert.Equal("Healthy", checks.GetProperty("face-models").GetProperty("status").GetString());
        Assert.Contains("9 models loaded", checks.GetProperty("face-models").GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/nope")]
    [InlineData("POST", "/api/v1/nothing/here")]
    [InlineData("DELETE", "/api")]
    public async Task UnknownApiRoute_Returns404ProblemJson(string method, string path)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(path, problem.RootElement.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task KnownApiRouteWithAnotherMethod_Returns405ProblemJson()
    {
        using var response = await _client.PutAsync("/api/v1/audit", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_IsValidOpenApi3()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        await using var body = await response.Content.ReadAsStreamAsync();

        var (document, diagnostic) = await Microsoft.OpenApi.Reader.OpenApiModelFactory.LoadAsync(body, "json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.StartsWith("3.", diagnostic.SpecificationVersion.ToString().Replace("OpenApi", "").Replace('_', '.'));
        Assert.Equal("LunaPoint API", document.Info.Title);
    }

    [Fact]
    public async Task ApiReference_IsServedWithoutExternalAssets()
    {
        var html = await _client.GetStringAsync("/scalar/v1");
        var script = await _client.GetStringAsync("/scalar/scalar.aspnetcore.js");

        Assert.Contains("openapi/v1.json", html);
        Assert.DoesNotMatch(ExternalAsset(), html);
        Assert.NotEmpty(script);
    }

    [Fact]
    public async Task ConsoleShell_ShowsEveryNavigationEntry_WithLocalAssetsOnly()
    {
        using var admin = await fixture.Factory.CreateAdminClientAsync();
        using var response = await admin.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var entry in new[] { "Operator panel", "Events", "Search", "Lists", "Streams", "Notifications", "Users", "API keys", "Audit log", "Licence", "Monitoring" })
        {
            Assert.Contains($"</span>{entry}</", html);
        }

        Assert.DoesNotMatch(ExternalAsset(), html);
        foreach (Match asset in LocalAsset().Matches(html))
        {
            // Anonymous on purpose: the sign-in page needs the same assets.
            using var assetResponse = await _client.GetAsync(asset.Groups["url"].Value);
            Assert.True(assetResponse.IsSuccessStatusCode, $"{asset.Groups["url"].Value} answered {assetResponse.StatusCode}");
        }
    }

    [Fact]
    public async Task MonitoringPage_ListsReadinessChecks()
    {
        var html = await _viewer.GetStringAsync("/monitoring");

        Assert.Contains("database:clementine_auth", html);
        Assert.Contains("face-models", html);
        Assert.Contains(fixture.Provider == LunaPoint.SharedKernel.Data.DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite", html);
        Assert.DoesNotContain("Password=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutALicence_TheCommunityLimitsApply()
    {
        var status = System.Text.Json.JsonDocument.Parse(await _viewer.GetStringAsync("/api/v1/license")).RootElement;
        var license = status.GetProperty("license");

        Assert.True(license.GetProperty("isCommunity").GetBoolean());
        Assert.Equal(4, license.GetProperty("maxStreams").GetInt32());
        Assert.Equal(10_000, license.GetProperty("maxFacesWithDescriptors").GetInt64());
        Assert.False(license.GetProperty("liveness").GetBoolean());
        Assert.False(license.GetProperty("bodies").GetBoolean());
        Assert.False(license.GetProperty("isoChecks").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.GetProperty("daysToExpiry").ValueKind);
    }

    [Fact]
    public async Task UnknownPage_Returns404HtmlPage()
    {
        using var response = await _viewer.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("""(src|href)\s*=\s*["'](https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();

    [GeneratedRegex("""(src|href)="(?<url>/[^"]+\.(css|js|svg|png))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LocalAsset();
}

[Collection(PostgresCollection.Name)]
public sealed class HostHttpTestsOnPostgres(PostgresHostFixture fixture) : HostHttpTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class HostHttpTestsOnSqlite(SqliteHostFixture fixture) : HostHttpTests(fixture);
