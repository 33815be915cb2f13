using System.Net;
using System.Text;
using System.Text.Json;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Api;

/// <summary>
/// Refusals at the edge, through the real host: each names the field, in user words, as problem+json on the
/// API and as a readable HTML page in the console.
/// </summary>
public abstract class EdgeRefusalTests(HostFixture fixture) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await fixture.Factory.CreateAdminClientAsync();

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/api/v1/streams?page=0", "page")]
    [InlineData("/api/v1/streams?page=-1", "page")]
    [InlineData("/api/v1/streams?page=44739243", "page")]
    [InlineData("/api/v1/users?pageSize=501", "pageSize")]
    [InlineData("/api/v1/audit?pageSize=0", "pageSize")]
    [InlineData("/api/v1/users?page=9223372036854775808", "page")]
    [InlineData("/api/v1/users?search=a%00b", "search")]
    public async Task BadQueryValues_Return400_NamingTheParameter(string url, string field)
    {
        using var response = await _admin.GetAsync(url);
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.DoesNotContain("System.", problem.GetRawText());
    }

    [Fact]
    public async Task NulInTheAnonymousTokenRequest_Returns400_NamingTheField()
    {
        using var anonymous = fixture.Factory.CreateAnonymousClient();
        using var response = await anonymous.PostAsync("/api/v1/auth/token", Json("""{"userName":"ad\u0000min","password":"x"}"""));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userName", out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    public async Task MissingJsonBody_Returns400_SayingABodyIsRequired(string body)
    {
        using var response = await _admin.PostAsync("/api/v1/users", Json(body));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A JSON body is required.", problem.GetRawText());
        Assert.DoesNotContain("Service", problem.GetRawText());
    }

    [Fact]
    public async Task RepeatedKeyInAnyBody_Returns400_NamingIt()
    {
        using var response = await _admin.PostAsync("/api/v1/api-keys", Json("""{"name":"k","role":"Operator","NAME":"other"}"""));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("NAME", out _), problem.GetRawText());
    }

    [Fact]
    public async Task ConsoleFormWithoutAntiforgeryToken_Returns400_WithAReadablePage()
    {
        using var anonymous = fixture.Factory.CreateAnonymousClient();
        using var response = await anonymous.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "x" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The form has expired", html);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString()));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class EdgeRefusalTestsOnPostgres(PostgresHostFixture fixture) : EdgeRefusalTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class EdgeRefusalTestsOnSqlite(SqliteHostFixture fixture) : EdgeRefusalTests(fixture);
