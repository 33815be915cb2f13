using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Events.Search;

/// <summary>GET /events (filters, paging, topMatch), /events/{id}, its images, and the streamed export.</summary>
public abstract class EventsApiTests(SearchHostFixture fixture) : IAsyncLifetime
{
    private HttpClient _viewer = null!;
    private float[] _descriptor = null!;

    public async Task InitializeAsync()
    {
        _viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);
        _descriptor = await fixture.Seeder.DescribeAsync("astronaut.png");
    }

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EventsPage_PagesThroughTheArchive_WithoutABindingError()
    {
        var stream = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        for (var i = 0; i < 50; i++)
        {
            await fixture.Seeder.AddEventAsync(stream, start.AddSeconds(i), _descriptor);
        }

        using var browser = await ConsoleSession.SignInAsync(fixture.Factory, await fixture.Factory.CreateUserAsync(Roles.Viewer), AuthClients.Password);
        var first = await browser.GetStringAsync($"/events?streamId={stream}");
        var second = await browser.GetStringAsync($"/events?streamId={stream}&p=2");

        Assert.Contains("page 1 of 2", first);
        Assert.Contains("page 2 of 2", second);
        // The link to the next page keeps the filter and names the page the way the page reads it.
        Assert.Contains($"streamId={stream}&amp;p=2", first);
        Assert.DoesNotContain("is not valid", first + second);
    }

    [Fact]
    public async Task List_IsNewestFirst_PagesWithoutOverlap_AndCarriesTopMatch()
    {
        var stream = Guid.NewGuid();
        var start = new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var face = Guid.NewGuid();
        var list = Guid.NewGuid();
        var seeded = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var matches = i == 2 ? new[] { SearchSeeder.Match(face, list, "Eileen", 0.91234), SearchSeeder.Match(Guid.NewGuid(), list, "Other", 0.85) } : [];
            seeded.Add((await fixture.Seeder.AddEventAsync(stream, start.AddMinutes(i), _descriptor, null, matches)).Id);
        }

        var first = await GetAsync($"/api/v1/events?streamId={stream}&pageSize=2");
        var third = await GetAsync($"/api/v1/events?streamId={stream}&pageSize=2&page=3");

        Assert.Equal(5, first.GetProperty("total").GetInt64());
        var ids = first.GetProperty("items").EnumerateArray().Concat(third.GetProperty("items").EnumerateArray()).Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([seeded[4], seeded[3], seeded[0]], ids);
        var all = (await GetAsync($"/api/v1/events?streamId={stream}")).GetProperty("items").EnumerateArray().ToList();
        var matched = all.Single(e => e.GetProperty("id").GetGuid() == seeded[2]);
        var top = matched.GetProperty("topMatch");
        Assert.Equal(face, top.GetProperty("faceId").GetGuid());
        Assert.Equal(list, top.GetProperty("listId").GetGuid());
        Assert.Equal("Eileen", top.GetProperty("name").GetString());
        Assert.Equal(0.9123, top.GetProperty("similarity").GetDouble());
        Assert.Equal(JsonValueKind.Null, all[0].GetProperty("topMatch").ValueKind);
        Assert.Equal($"/api/v1/events/{seeded[2]}/face.jpg", matched.GetProperty("faceUrl").GetString());
        Assert.Equal(120, matched.GetProperty("bbox").GetProperty("width").GetInt32());
        Assert.Equal("Hall A", matched.GetProperty("location").GetString());
    }

    [Fact]
    public async Task List_FiltersByTimeListFaceMatchedAgeGenderAndLiveness()
    {
        var stream = Guid.NewGuid();
        var start = new DateTimeOffset(2030, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var face = Guid.NewGuid();
        var list = Guid.NewGuid();
        var old = await fixture.Seeder.AddEventAsync(stream, start, _descriptor, e => (e.Age, e.Gender, e.Liveness) = (61, "male", "spoof"));
        var young = await fixture.Seeder.AddEventAsync(stream, start.AddHours(1), _descriptor, e => (e.Age, e.Gender, e.Liveness) = (24, "female", "real"), SearchSeeder.Match(face, list, "Eileen", 0.9));
        var secondCandidate = await fixture.Seeder.AddEventAsync(stream, start.AddHours(2), _descriptor, null, SearchSeeder.Match(Guid.NewGuid(), Guid.NewGuid(), "Top", 0.95), SearchSeeder.Match(face, list, "Eileen", 0.85));

        Assert.Equal([young.Id], await IdsAsync($"streamId={stream}&from={Q(start.AddMinutes(30))}&to={Q(start.AddMinutes(90))}"));
        Assert.Equal([secondCandidate.Id, young.Id], await IdsAsync($"streamId={stream}&faceId={face}"));
        Assert.Equal([secondCandidate.Id, young.Id], await IdsAsync($"streamId={stream}&listId={list}"));
        Assert.Equal([old.Id], await IdsAsync($"streamId={stream}&matched=false"));
        Assert.Equal([young.Id], await IdsAsync($"streamId={stream}&ageFrom=18&ageTo=30"));
        Assert.Equal([old.Id], await IdsAsync($"streamId={stream}&gender=MALE"));
        Assert.Equal([young.Id], await IdsAsync($"streamId={stream}&liveness=real"));
    }

    [Theory]
    [InlineData("from=2030-02-01T00:00:00Z&to=2030-01-01T00:00:00Z", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("streamId=12", "streamId")]
    [InlineData("matched=maybe", "matched")]
    [InlineData("gender=robot", "gender")]
    [InlineData("liveness=alive", "liveness")]
    [InlineData("ageFrom=40&ageTo=20", "ageFrom")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task BadFilter_Returns400NamingTheField(string query, string field)
    {
        using var list = await _viewer.GetAsync("/api/v1/events?" + query);
        using var export = await _viewer.GetAsync("/api/v1/events/export?" + query);

        await list.AssertRefusedAsync(HttpStatusCode.BadRequest, field);
        if (!field.StartsWith("page", StringComparison.Ordinal))
        {
            await export.AssertRefusedAsync(HttpStatusCode.BadRequest, field);
        }
    }

    [Fact]
    public async Task Get_AnswersEveryField_AndTheDescriptorOnlyWhenAsked()
    {
        var e = await fixture.Seeder.AddEventAsync(Guid.NewGuid(), DateTimeOffset.UtcNow, _descriptor, x =>
        {
            x.EstimatesJson = "{\"attributes\":{\"age\":33,\"gender\":\"female\"}}";
            x.TagsJson = "[\"vip\",\"door\"]";
            x.UserDataJson = "{\"badge\":42}";
        }, SearchSeeder.Match(Guid.NewGuid(), Guid.NewGuid(), "A", 0.9), SearchSeeder.Match(Guid.NewGuid(), Guid.NewGuid(), "B", 0.82));

        var plain = await GetAsync($"/api/v1/events/{e.Id}");
        var withDescriptor = await GetAsync($"/api/v1/events/{e.Id}?descriptor=true");

        Assert.Equal(33, plain.GetProperty("estimates").GetProperty("attributes").GetProperty("age").GetInt32());
        Assert.Equal(["vip", "door"], plain.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(42, plain.GetProperty("userData").GetProperty("badge").GetInt32());
        Assert.Equal(["A", "B"], plain.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("fr_feature", plain.GetProperty("descriptorModel").GetString());
        Assert.Equal(e.TrackId, plain.GetProperty("trackId").GetGuid());
        Assert.False(plain.TryGetProperty("descriptor", out _));
        Assert.Equal(Convert.ToBase64String(e.Descriptor), withDescriptor.GetProperty("descriptor").GetString());
    }

    [Fact]
    public async Task Images_AreJpegsFromTheStore_PrivateAndNosniff_And404ForUnknownIds()
    {
        var e = await fixture.Seeder.AddEventAsync(Guid.NewGuid(), DateTimeOffset.UtcNow, _descriptor);

        using var face = await _viewer.GetAsync($"/api/v1/events/{e.Id}/face.jpg");
        using var context = await _viewer.GetAsync($"/api/v1/events/{e.Id}/context.jpg");
        using var body = await _viewer.GetAsync($"/api/v1/events/{e.Id}/body.jpg");
        using var unknown = await _viewer.GetAsync($"/api/v1/events/{Guid.NewGuid()}/face.jpg");
        using var unknownEvent = await _viewer.GetAsync($"/api/v1/events/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, face.StatusCode);
        Assert.Equal("image/jpeg", face.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SearchMedia.Jpeg("astronaut.png"), await face.Content.ReadAsByteArrayAsync());
        Assert.Equal(SearchMedia.Jpeg("facereg.jpg"), await context.Content.ReadAsByteArrayAsync());
        Assert.Contains("nosniff", face.Headers.GetValues("X-Content-Type-Options"));
        Assert.True(face.Headers.CacheControl?.Private, face.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, body.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownEvent.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ExportCsv_IsTheDefault_StreamsTheFilteredRows_AndDefusesFormulas()
    {
        var stream = Guid.NewGuid();
        var start = new DateTimeOffset(2030, 7, 1, 8, 0, 0, TimeSpan.Zero);
        var evil = await fixture.Seeder.AddEventAsync(stream, start, _descriptor, e => (e.StreamName, e.Location) = ("=HYPERLINK(\"http://x\")", "+1, \"quoted\""), SearchSeeder.Match(Guid.NewGuid(), Guid.NewGuid(), "@SUM(A1)", 0.9));
        var plain = await fixture.Seeder.AddEventAsync(stream, start.AddMinutes(1), _descriptor);

        using var response = await _viewer.GetAsync($"/api/v1/events/export?streamId={stream}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,startedAt,", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(plain.Id.ToString(), lines[1]);
        Assert.StartsWith(evil.Id.ToString(), lines[2]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", lines[2]);
        Assert.Contains(",\"'+1, \"\"quoted\"\"\",", lines[2]);
        Assert.Contains(",'@SUM(A1),", lines[2]);
    }

    [Fact]
    public async Task ExportJson_WithAcceptJson_IsAnArrayOfTheListsItems()
    {
        var stream = Guid.NewGuid();
        var seeded = await fixture.Seeder.AddEventAsync(stream, DateTimeOffset.UtcNow, _descriptor, null, SearchSeeder.Match(Guid.NewGuid(), Guid.NewGuid(), "Eileen", 0.9));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/events/export?streamId={stream}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _viewer.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var item = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        Assert.Equal(seeded.Id, item.GetProperty("id").GetGuid());
        Assert.Equal("Eileen", item.GetProperty("topMatch").GetProperty("name").GetString());
    }

    private static string Q(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O"));

    private async Task<JsonElement> GetAsync(string url)
    {
        using var response = await _viewer.GetAsync(url);
        return await response.OkJsonAsync(fixture.Factory);
    }

    private async Task<List<Guid>> IdsAsync(string query) =>
        (await GetAsync("/api/v1/events?" + query)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
}

[Collection(PostgresSearchCollection.Name)]
public sealed class EventsApiTestsOnPostgres(PostgresSearchHostFixture fixture) : EventsApiTests(fixture);

[Collection(SqliteSearchCollection.Name)]
public sealed class EventsApiTestsOnSqlite(SqliteSearchHostFixture fixture) : EventsApiTests(fixture);
