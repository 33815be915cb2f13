using System.Net;
using System.Text;
using System.Text.Json;
using FluentValidation;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Api;

/// <summary>
/// The JSON body guard must judge "is this JSON?" exactly as the binders do: any spelling of a JSON
/// content type the binder accepts (case, spaces, parameters, +json suffixes) must meet the guard, so a
/// NUL, a lone surrogate or a repeated key never reaches an endpoint, and nothing answers 5xx.
/// </summary>
public abstract class JsonContentTypeGuardTests(HostFixture fixture) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await fixture.Factory.CreateAdminClientAsync();

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    public static readonly string[] ContentTypes =
    [
        "application/json",
        "APPLICATION/JSON",
        "application/json; charset=utf-8",
        "application/json ;charset=utf-8",
        "application/json;charset=UTF-8;x=1",
        "application/merge-patch+json",
        "application/merge-patch+json ; charset=utf-8",
        "application/x+json ;charset=utf-8",
        "Application/Problem+JSON",
        "application/vnd.lunapoint.v1+json; q=1",
        "text/json",
    ];

    // Each body is bad in one way; field is the name the guard's refusal carries.
    public static readonly (string Body, string Field)[] Bodies =
    [
        ("""{"name":"a","description":"a\ud800b"}""", "description"),
        ("""{"name":"a\u0000b"}""", "name"),
        ("""{"name":"a","NAME":"b"}""", "NAME"),
        ("""{"description":"x","\udc00":1}""", "?"),
    ];

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var type in ContentTypes)
        {
            for (var i = 0; i < Bodies.Length; i++)
            {
                data.Add(type, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryJsonSpelling_MeetsTheGuard_OnPatchAndPost(string contentType, int body)
    {
        var (json, field) = Bodies[body];
        foreach (var (method, url) in new[] { (HttpMethod.Patch, $"/api/v1/streams/{Guid.NewGuid()}"), (HttpMethod.Post, "/api/v1/api-keys"), (HttpMethod.Post, "/api/v1/streams") })
        {
            using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
            Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType));
            using var response = await _admin.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url} as '{contentType}' with {json}: {(int)response.StatusCode} {text}");
            Assert.Contains("The JSON body is malformed at", text);
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), text);
        }
    }

    [Theory]
    [InlineData("application/json; charset=bogus", "utf-8")]
    [InlineData("application/json; charset=\"utf-8\"", "utf-8")]
    [InlineData("application/json; charset=utf-16", "utf-16")]
    [InlineData("application/json; charset=utf-16le", "utf-16LE")]
    [InlineData("application/json; charset=iso-8859-1", "iso-8859-1")]
    public async Task NonUtf8Charsets_AreRefused_Anonymously_AndSignedIn(string contentType, string encoding)
    {
        // A UTF-16 body holding NUL would pass a guard reading UTF-8 bytes and be converted by the binder.
        var body = Encoding.GetEncoding(encoding).GetBytes("{\"userName\":\"nul\\u0000name\",\"password\":\"x\",\"name\":\"k\\u0000\",\"role\":\"Viewer\"}");
        using var anonymous = fixture.Factory.CreateAnonymousClient();
        foreach (var (client, url) in new[] { (anonymous, "/api/v1/auth/token"), (_admin, "/api/v1/api-keys"), (_admin, "/api/v1/streams") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType));
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{url} as '{contentType}': {(int)response.StatusCode} {text}");
            Assert.Contains("UTF-8", text);
        }
    }
}

[Collection(PostgresCollection.Name)]
public sealed class JsonContentTypeGuardTestsOnPostgres(PostgresHostFixture fixture) : JsonContentTypeGuardTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class JsonContentTypeGuardTestsOnSqlite(SqliteHostFixture fixture) : JsonContentTypeGuardTests(fixture);

/// <summary>The PATCH reader stands on its own: a body that got past the guard still gets a 400.</summary>
public sealed class MergePatchDocumentTests
{
    [Theory]
    [InlineData("""{"description":"a\ud800b"}""", "description")]
    [InlineData("""{"settings":{"webhookUrl":"\udfff"}}""", "settings.webhookUrl")]
    [InlineData("""{"\ud800":1}""", "body")]
    [InlineData("""{"description":"a\u0000"}""", "description")]
    public async Task ThePatchReader_RefusesLoneSurrogatesAndNul_WithoutTheGuard(string body, string field)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var refusal = await Assert.ThrowsAsync<ValidationException>(() => MergePatchDocument.ReadAsync(stream, CancellationToken.None));
        Assert.Equal(field, Assert.Single(refusal.Errors).PropertyName);
    }
}

