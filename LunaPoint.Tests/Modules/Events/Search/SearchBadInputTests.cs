using System.Net;
using System.Text;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Events.Search;

/// <summary>Every bad search or verify is a 4xx problem naming its field; unknown ids are 404; a loading index is 503 with Retry-After.</summary>
public abstract class SearchBadInputTests(SearchHostFixture fixture) : IAsyncLifetime
{
    private HttpClient _viewer = null!;

    public async Task InitializeAsync() => _viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    private static string GoodDescriptor => SearchHttp.Base64([.. Enumerable.Range(0, 512).Select(i => i % 7 == 0 ? 1f : 0.1f)]);

    public static TheoryData<string, string> BadJson() => new()
    {
        { "{}", "photo" },
        { "{\"limit\": 5}", "photo" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"eventId\": \"{Guid.NewGuid()}\"}}", "eventId" },
        { $"{{\"faceId\": \"{Guid.NewGuid()}\", \"eventId\": \"{Guid.NewGuid()}\"}}", "faceId" },
        { "{\"descriptor\": \"not base64 at all!\"}", "descriptor" },
        { $"{{\"descriptor\": \"{Convert.ToBase64String(new byte[2044])}\"}}", "descriptor" },
        { $"{{\"descriptor\": \"{Convert.ToBase64String(new byte[2048])}\"}}", "descriptor" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"threshold\": 1.5}}", "threshold" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"threshold\": -0.1}}", "threshold" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"limit\": 0}}", "limit" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"limit\": 101}}", "limit" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"limit\": \"many\"}}", "limit" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"target\": \"people\"}}", "target" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"treshold\": 0.5}}", "treshold" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"target\": \"events\", \"from\": \"2030-01-02T00:00:00Z\", \"to\": \"2030-01-01T00:00:00Z\"}}", "from" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"target\": \"events\", \"streamId\": \"nope\"}}", "streamId" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"target\": \"events\", \"gender\": \"robot\"}}", "gender" },
        { $"{{\"descriptor\": \"{GoodDescriptor}\", \"faceIndex\": 1}}", "faceIndex" },
        { "{\"eventId\": \"not-a-guid\"}", "eventId" },
        { "{\"descriptor\": {\"nested\": 1}}", "descriptor" },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public async Task BadJsonSearch_Returns400NamingTheField(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _viewer.PostAsync("/api/v1/search", content);

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("?limit=1000", "limit")]
    [InlineData("?threshold=2", "threshold")]
    [InlineData("?target=everything", "target")]
    public async Task BadQueryParameter_Returns400NamingIt(string query, string field)
    {
        using var response = await _viewer.SearchJsonAsync(new { descriptor = GoodDescriptor }, query);

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task PhotoAndDescriptorTogether_Returns400()
    {
        using var form = SearchHttp.PhotoForm(SearchMedia.File("astronaut.png"), "photo", ("descriptor", GoodDescriptor));

        using var response = await _viewer.PostAsync("/api/v1/search", form);

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "descriptor");
    }

    [Fact]
    public async Task UnknownEventOrFace_Returns404()
    {
        using var byEvent = await _viewer.SearchJsonAsync(new { eventId = Guid.NewGuid(), target = "events" });
        using var byFace = await _viewer.SearchJsonAsync(new { faceId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.NotFound, byEvent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byFace.StatusCode);
        Assert.Equal("application/problem+json", byFace.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NotAnImage_Returns422NamingPhoto_AndNoFace_Returns422NamingPhoto()
    {
        using var text = await _viewer.PostAsync("/api/v1/search", SearchHttp.PhotoForm(Encoding.UTF8.GetBytes("just some text, not a picture")));
        using var noFace = await _viewer.PostAsync("/api/v1/search", SearchHttp.PhotoForm(SearchMedia.NoFace()));
        using var verifyNoFace = await _viewer.PostAsync("/api/v1/verify", SearchSourcesTests.Form(SearchMedia.File("astronaut.png"), SearchMedia.NoFace()));

        await text.AssertRefusedAsync(HttpStatusCode.UnprocessableEntity, "photo");
        await noFace.AssertRefusedAsync(HttpStatusCode.UnprocessableEntity, "photo");
        await verifyNoFace.AssertRefusedAsync(HttpStatusCode.UnprocessableEntity, "photo2");
    }

    [Fact]
    public async Task WrongContentType_Returns415()
    {
        using var content = new StringContent("photo=abc", Encoding.UTF8, "text/plain");

        using var response = await _viewer.PostAsync("/api/v1/search", content);

        await response.AssertRefusedAsync(HttpStatusCode.UnsupportedMediaType, "photo");
    }

    [Fact]
    public async Task Verify_MissingPhotoOrBadThreshold_Returns400NamingIt()
    {
        using var missing = new MultipartFormDataContent();
        missing.Add(new ByteArrayContent(SearchMedia.File("astronaut.png")), "photo1", "a.png");
        using var noSecond = await _viewer.PostAsync("/api/v1/verify", missing);
        using var badThreshold = await _viewer.PostAsync("/api/v1/verify", SearchSourcesTests.Form(SearchMedia.File("astronaut.png"), SearchMedia.File("astronaut.png"), "1.2"));

        await noSecond.AssertRefusedAsync(HttpStatusCode.BadRequest, "photo2");
        await badThreshold.AssertRefusedAsync(HttpStatusCode.BadRequest, "threshold");
    }

    [Fact]
    public async Task Anonymous_Gets401()
    {
        using var anonymous = fixture.Factory.CreateAnonymousClient();

        using var response = await anonymous.SearchJsonAsync(new { descriptor = GoodDescriptor });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task IndexStillLoading_Returns503WithRetryAfter()
    {
        // A host caught before its index loader has run (the loader is left out), so neither index is marked loaded.
        await using var factory = await LunaPointFactory.StartAsync(
            fixture.Provider,
            new Dictionary<string, string?> { ["Modules:Events:Workers:Enabled"] = "false" },
            services => services.Remove(services.Single(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(LunaPoint.Modules.Events.Features.IndexLoader))));
        await factory.WaitUntilReadyAsync();
        Assert.False(factory.Services.GetRequiredService<WatchlistIndex>().Readiness.IsReady, "this host's loader marked the index loaded: the case cannot be made");
        using var viewer = await factory.CreateClientAsAsync(Roles.Viewer);

        using var response = await viewer.SearchJsonAsync(new { descriptor = GoodDescriptor });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }
}

[Collection(PostgresSearchCollection.Name)]
public sealed class SearchBadInputTestsOnPostgres(PostgresSearchHostFixture fixture) : SearchBadInputTests(fixture);

[Collection(SqliteSearchCollection.Name)]
public sealed class SearchBadInputTestsOnSqlite(SqliteSearchHostFixture fixture) : SearchBadInputTests(fixture);
