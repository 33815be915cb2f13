using System.Net;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Notifications.Rules;

/// <summary>Rules are for administrators, reads included (they hold addresses); pause is for operators; signed out is 401.</summary>
public abstract class RuleAccessTests(HostFixture fixture) : IAsyncLifetime
{
    private HttpClient _admin = null!;
    private string _url = null!;

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Viewer)]
    public async Task RuleEndpoints_RefuseOperatorsAndViewers(string role)
    {
        using var client = await fixture.Factory.CreateClientAsAsync(role);

        foreach (var response in await CallEveryRuleEndpointAsync(client))
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} as {role}: {(int)response.StatusCode}");
            Assert.DoesNotContain("ops@example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Nothing changed: the administrator still reads the rule as it was.
        var rule = await RuleApi.ExpectAsync(await _admin.GetAsync(_url), HttpStatusCode.OK);
        Assert.True(rule.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task RuleAndPauseEndpoints_Return401WhenSignedOut()
    {
        using var anonymous = fixture.Factory.CreateAnonymousClient();

        var responses = await CallEveryRuleEndpointAsync(anonymous);
        responses.Add(await anonymous.GetAsync("/api/v1/notifications/pause"));
        responses.Add(await anonymous.PostAsync("/api/v1/notifications/pause", RuleApi.Json("{}")));
        responses.Add(await anonymous.PostAsync("/api/v1/notifications/resume", null));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Unauthorized, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri}: {(int)r.StatusCode}"));
    }

    [Fact]
    public async Task Pause_IsReadableByViewers_ButChangedOnlyByOperators()
    {
        using var viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);

        await RuleApi.ExpectAsync(await viewer.GetAsync("/api/v1/notifications/pause"), HttpStatusCode.OK);
        await RuleApi.ExpectAsync(await viewer.PostAsync("/api/v1/notifications/pause", RuleApi.Json("""{"minutes":15}""")), HttpStatusCode.Forbidden);
        await RuleApi.ExpectAsync(await viewer.PostAsync("/api/v1/notifications/resume", null), HttpStatusCode.Forbidden);
        Assert.False((await RuleApi.ExpectAsync(await viewer.GetAsync("/api/v1/notifications/pause"), HttpStatusCode.OK)).GetProperty("paused").GetBoolean());
    }

    public async Task InitializeAsync()
    {
        _admin = await fixture.Factory.CreateAdminClientAsync();
        _url = $"{RuleApi.Rules}/{(await RuleApi.CreateAsync(_admin, RuleApi.ValidRule())).GetProperty("id").GetString()}";
    }

    public async Task DisposeAsync()
    {
        await _admin.DeleteAsync(_url);
        _admin.Dispose();
    }

    private async Task<List<HttpResponseMessage>> CallEveryRuleEndpointAsync(HttpClient client) =>
    [
        await client.GetAsync(RuleApi.Rules),
        await client.GetAsync(_url),
        await client.PostAsync(RuleApi.Rules, RuleApi.Json(RuleApi.ValidRule())),
        await client.PutAsync(_url, RuleApi.Json(RuleApi.Merge(RuleApi.ValidRule(), """{"enabled":false}"""))),
        await client.PatchAsync(_url, RuleApi.Json("""{"enabled":false}""", "application/merge-patch+json")),
        await client.DeleteAsync(_url),
    ];
}

[Collection(PostgresCollection.Name)]
public sealed class RuleAccessTestsOnPostgres(PostgresHostFixture fixture) : RuleAccessTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class RuleAccessTestsOnSqlite(SqliteHostFixture fixture) : RuleAccessTests(fixture);
