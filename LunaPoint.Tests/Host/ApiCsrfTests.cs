using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Host;

/// <summary>
/// Cross-site request forgery on the REST API: the console cookie alone must not change data; the
/// page's token and this site's origin must come with it. Bearer tokens and API keys are unaffected.
/// </summary>
public abstract class ApiCsrfTests(HostFixture fixture) : IAsyncLifetime
{
    private const string OwnOrigin = "http://localhost";
    private HttpClient _browser = null!;

    public async Task InitializeAsync() => _browser = await fixture.Factory.SignedInAdminBrowserAsync();

    public Task DisposeAsync()
    {
        _browser.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CookieOnly_UnsafeApiRequest_Returns403ProblemAndChangesNothing()
    {
        var name = NewName();

        using var response = await _browser.SendAsync(CreateUser(name, token: null, origin: OwnOrigin));

        await AssertRefusedAsync(response);
        await AssertUserExistsAsync(name, exists: false);
    }

    [Fact]
    public async Task CookieWithTokenAndOwnOrigin_Succeeds()
    {
        var name = NewName();

        using var response = await _browser.SendAsync(CreateUser(name, await _browser.PageTokenAsync(), origin: OwnOrigin));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await AssertUserExistsAsync(name, exists: true);
    }

    [Fact]
    public async Task CookieWithTokenAndNoOrigin_FallsBackOnTheReferer()
    {
        var request = CreateUser(NewName(), await _browser.PageTokenAsync(), origin: null);
        request.Headers.Referrer = new Uri($"{OwnOrigin}/users");

        using var response = await _browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("http://attacker.invalid")]
    [InlineData("https://localhost")]
    [InlineData("http://localhost:8081")]
    [InlineData("null")]
    [InlineData(null)]
    public async Task CookieWithTokenFromAnotherOrigin_Returns403(string? origin)
    {
        var name = NewName();

        using var response = await _browser.SendAsync(CreateUser(name, await _browser.PageTokenAsync(), origin));

        await AssertRefusedAsync(response);
        await AssertUserExistsAsync(name, exists: false);
    }

    [Fact]
    public async Task CookieWithAForgedToken_Returns403()
    {
        var token = await _browser.PageTokenAsync();

        using var response = await _browser.SendAsync(CreateUser(NewName(), token[..^4] + "AAAA", OwnOrigin));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task AnotherUsersPageToken_Returns403()
    {
        using var viewer = await fixture.Factory.SignedInBrowserAsync(await fixture.Factory.CreateUserAsync(Roles.Viewer), AuthClients.Password);

        using var response = await _browser.SendAsync(CreateUser(NewName(), await viewer.PageTokenAsync(), OwnOrigin));

        await AssertRefusedAsync(response);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/api-keys")]
    [InlineData("PATCH", "/api/v1/users")]
    [InlineData("PUT", "/api/v1/streams")]
    public async Task EveryUnsafeMethod_IsChecked(string method, string collection)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{collection}/{Guid.NewGuid()}") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", OwnOrigin);

        using var response = await _browser.SendAsync(request);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task CookieOnly_Reads_AreNotAffected()
    {
        using var response = await _browser.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BearerToken_WithoutCsrfToken_Succeeds()
    {
        using var admin = await fixture.Factory.CreateAdminClientAsync();
        var name = NewName();

        using var response = await admin.SendAsync(CreateUser(name, token: null, origin: "http://attacker.invalid"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await AssertUserExistsAsync(name, exists: true);
    }

    [Fact]
    public async Task ApiKey_WithoutCsrfToken_Succeeds()
    {
        using var admin = await fixture.Factory.CreateAdminClientAsync();
        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = NewName(), role = Roles.Administrator });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;
        using var client = fixture.Factory.CreateAnonymousClient();
        // Something an integration may change (accounts are for people only): a stream, created disabled.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/streams")
        {
            Content = JsonContent.Create(new { name = NewName(), type = "rtsp", source = "rtsp://127.0.0.1:8554/cam1", enabled = false }),
        };
        request.Headers.Add("X-Api-Key", key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static HttpRequestMessage CreateUser(string name, string? token, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
        {
            Content = JsonContent.Create(new { userName = name, password = "Csrf-Test-Pass-1", role = Roles.Viewer }),
        };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString());
    }

    private async Task AssertUserExistsAsync(string name, bool exists)
    {
        using var admin = await fixture.Factory.CreateAdminClientAsync();
        var list = await admin.GetStringAsync($"/api/v1/users?search={name}");
        Assert.Equal(exists, list.Contains($"\"{name}\"", StringComparison.Ordinal));
    }

    private static string NewName() => $"csrf-{Guid.NewGuid():N}"[..20];
}

[Collection(PostgresCollection.Name)]
public sealed class ApiCsrfTestsOnPostgres(PostgresHostFixture fixture) : ApiCsrfTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class ApiCsrfTestsOnSqlite(SqliteHostFixture fixture) : ApiCsrfTests(fixture);
