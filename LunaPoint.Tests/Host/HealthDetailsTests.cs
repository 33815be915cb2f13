using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using LunaPoint.Host.Health;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Host;

/// <summary>
/// What probes and pages tell about the installation: anonymous callers the status only, signed-in
/// users each check, administrators also paths and the build's commit.
/// </summary>
public abstract class HealthDetailsTests(HostFixture fixture)
{
    [Fact]
    public async Task HealthReady_ToAnonymousCallers_IsTheStatusOnly()
    {
        using var response = await fixture.Factory.CreateAnonymousClient().GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        var report = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["status"], report.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.DoesNotContain("OpenCV", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("clementine_auth", body);
    }

    [Fact]
    public async Task HealthReady_ToSignedInUsers_ListsEveryCheck()
    {
        using var viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);

        var report = JsonDocument.Parse(await viewer.GetStringAsync("/health/ready")).RootElement;

        var checks = report.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database:clementine_auth").GetProperty("status").GetString());
        Assert.Contains("models loaded", checks.GetProperty("face-models").GetProperty("description").GetString());
    }

    [Fact]
    public async Task MonitoringPage_ShowsPathsAndCommit_ToAdministratorsOnly()
    {
        var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Contains('+', version); // the build stamps the commit; without one there is nothing to hide
        using var viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);
        using var admin = await fixture.Factory.CreateAdminClientAsync();

        var viewerPage = WebUtility.HtmlDecode(await viewer.GetStringAsync("/monitoring"));
        var adminPage = WebUtility.HtmlDecode(await admin.GetStringAsync("/monitoring"));

        Assert.DoesNotContain(version, viewerPage);
        Assert.Contains(version.Split('+')[0], viewerPage);
        Assert.Contains(version, adminPage);
        Assert.DoesNotContain(fixture.Factory.Database.DataDir, viewerPage);
        if (fixture.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains(fixture.Factory.Database.DataDir, adminPage);
        }
    }
}

[Collection(PostgresCollection.Name)]
public sealed class HealthDetailsTestsOnPostgres(PostgresHostFixture fixture) : HealthDetailsTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class HealthDetailsTestsOnSqlite(SqliteHostFixture fixture) : HealthDetailsTests(fixture);

/// <summary>The redaction rule itself, with real principals of each role.</summary>
public sealed class HealthDetailsRedactionTests
{
    [Theory]
    [InlineData("face models missing. Fix: scripts/fetch-models.sh /srv/lunapoint/models", "face models missing. Fix: scripts/fetch-models.sh …")]
    [InlineData("cannot open 'C:\\LunaPoint\\data\\auth.db'", "cannot open '…'")]
    [InlineData("schema streams migrated", "schema streams migrated")]
    public void Describe_CutsAbsolutePaths_ForAnyoneButAdministrators(string description, string forViewers)
    {
        Assert.Equal(forViewers, HealthDetails.Describe(description, User(Roles.Viewer)));
        Assert.Equal(forViewers, HealthDetails.Describe(description, User(Roles.Operator)));
        Assert.Equal(description, HealthDetails.Describe(description, User(Roles.Administrator)));
    }

    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"));
}
