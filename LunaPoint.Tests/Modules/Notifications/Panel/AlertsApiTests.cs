using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Notifications.Panel;

/// <summary>GET /api/v1/alerts, one alert and its images, as any signed-in role reads them.</summary>
public abstract class AlertsApiTests(HostFixture fixture) : IAsyncLifetime
{
    private HttpClient _viewer = null!;

    private LunaPointFactory Factory => fixture.Factory;

    public async Task InitializeAsync() => _viewer = await Factory.CreateClientAsAsync(Roles.Viewer);

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ListAlerts_FiltersByEveryField_AndPagesNewestFirst()
    {
        var rule = Guid.NewGuid();
        var stream = Guid.NewGuid();
        var face = Guid.NewGuid();
        var t0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var oldest = AlertSeed.New(rule, t0, AlertTrigger.StreamDown, streamId: stream);
        var middle = AlertSeed.New(rule, t0.AddMinutes(1), faceId: face, faceJpeg: AlertSeed.Jpeg, acknowledgedBy: "alice");
        var newest = AlertSeed.New(rule, t0.AddMinutes(2), AlertTrigger.UnknownFace, streamId: stream, faceJpeg: AlertSeed.Jpeg);
        await AlertSeed.AddAsync(Factory, oldest, middle, newest);
        string[] Ids(params Alert[] alerts) => alerts.Select(a => a.Id.ToString()).ToArray();

        Assert.Equal(Ids(newest, middle, oldest), await AlertSeed.IdsAsync(_viewer, $"ruleId={rule}"));
        Assert.Equal(Ids(oldest), await AlertSeed.IdsAsync(_viewer, $"ruleId={rule}&page=2&pageSize=2"));
        Assert.Equal(Ids(oldest), await AlertSeed.IdsAsync(_viewer, $"ruleId={rule}&trigger=streamDown"));
        Assert.Equal(Ids(newest, oldest), await AlertSeed.IdsAsync(_viewer, $"ruleId={rule}&streamId={stream}"));
        Assert.Equal(Ids(middle), await AlertSeed.IdsAsync(_viewer, $"faceId={face}"));
        Assert.Equal(Ids(middle), await AlertSeed.IdsAsync(_viewer, $"ruleId={rule}&acknowledged=true"));
        Assert.Equal(Ids(newest, oldest), await AlertSeed.IdsAsync(_viewer, $"ruleId={rule}&acknowledged=false"));
        // from/to are inclusive, and an offset other than UTC means the same instant.
        Assert.Equal(Ids(newest, middle), await AlertSeed.IdsAsync(_viewer, $"ruleId={rule}&from={Uri.EscapeDataString(t0.AddMinutes(1).ToOffset(TimeSpan.FromHours(2)).ToString("O"))}"));
        Assert.Equal(Ids(middle, oldest), await AlertSeed.IdsAsync(_viewer, $"ruleId={rule}&to={Uri.EscapeDataString(t0.AddMinutes(1).ToString("O"))}"));

        var page = await AlertSeed.JsonAsync(await _viewer.GetAsync($"/api/v1/alerts?ruleId={rule}&pageSize=2"));
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal($"/api/v1/alerts/{newest.Id}/face.jpg", items[0].GetProperty("faceImageUrl").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("matchImageUrl").ValueKind);
        Assert.Equal("unknownFace", items[0].GetProperty("trigger").GetString());
        Assert.Equal($"/api/v1/alerts/{middle.Id}/match.jpg", items[1].GetProperty("matchImageUrl").GetString());
        Assert.Equal("alice", items[1].GetProperty("acknowledgement").GetProperty("by").GetString());
        Assert.Equal("#aa3300", items[1].GetProperty("listColor").GetString());
    }

    [Theory]
    [InlineData("trigger=doorbell", "trigger")]
    [InlineData("ruleId=not-a-guid", "ruleId")]
    [InlineData("streamId=42", "streamId")]
    [InlineData("faceId=x", "faceId")]
    [InlineData("acknowledged=maybe", "acknowledged")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task ListAlerts_WithABadFilter_Returns400NamingIt(string query, string field)
    {
        using var response = await _viewer.GetAsync("/api/v1/alerts?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await AlertSeed.JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {field}: {errors}");
    }

    [Fact]
    public async Task GetAlert_AndItsFace_AsStored_With404ForWhatIsNotThere()
    {
        var withFace = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow, faceId: Guid.NewGuid(), faceJpeg: AlertSeed.Jpeg);
        var bare = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow, AlertTrigger.StreamDown);
        await AlertSeed.AddAsync(Factory, withFace, bare);

        var one = await AlertSeed.JsonAsync(await _viewer.GetAsync($"/api/v1/alerts/{withFace.Id}"));
        Assert.Equal(withFace.Title, one.GetProperty("title").GetString());
        Assert.Equal(0.874, one.GetProperty("similarity").GetDouble(), 3);

        using var face = await _viewer.GetAsync($"/api/v1/alerts/{withFace.Id}/face.jpg");
        Assert.Equal(HttpStatusCode.OK, face.StatusCode);
        Assert.Equal("image/jpeg", face.Content.Headers.ContentType?.MediaType);
        Assert.Equal(AlertSeed.Jpeg, await face.Content.ReadAsByteArrayAsync());
        Assert.True(face.Headers.CacheControl?.Private, "private");
        Assert.Equal("nosniff", face.Headers.GetValues("X-Content-Type-Options").Single());

        // The face id names nobody enrolled, so Events has no photo; a stream alert has no face at all.
        Assert.Equal(HttpStatusCode.NotFound, (await _viewer.GetAsync($"/api/v1/alerts/{withFace.Id}/match.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _viewer.GetAsync($"/api/v1/alerts/{bare.Id}/face.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _viewer.GetAsync($"/api/v1/alerts/{bare.Id}/match.jpg")).StatusCode);
        var unknown = Guid.NewGuid();
        foreach (var path in new[] { "", "/face.jpg", "/match.jpg" })
        {
            using var missing = await _viewer.GetAsync($"/api/v1/alerts/{unknown}{path}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task MatchImage_IsTheEnrolledPhotoOfTheMatchedFace()
    {
        using var admin = await Factory.CreateAdminClientAsync();
        var list = await AlertSeed.JsonAsync(await admin.PostAsJsonAsync("/api/v1/lists", new { name = "Panel list " + Guid.NewGuid().ToString("N")[..8] }));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Eileen Collins"), "name" },
            { new ByteArrayContent(File.ReadAllBytes(RepoPaths.Media("astronaut.png"))), "photo", "astronaut.png" },
        };
        using var enrolled = await admin.PostAsync($"/api/v1/lists/{list.GetProperty("id").GetString()}/faces", form);
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var faceId = Guid.Parse((await AlertSeed.JsonAsync(enrolled)).GetProperty("id").GetString()!);
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow, faceId: faceId);
        await AlertSeed.AddAsync(Factory, alert);

        using var match = await _viewer.GetAsync($"/api/v1/alerts/{alert.Id}/match.jpg");

        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        Assert.Equal("image/jpeg", match.Content.Headers.ContentType?.MediaType);
        var bytes = await match.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 100 && bytes[0] == 0xFF && bytes[1] == 0xD8, "a JPEG");
        Assert.True(match.Headers.CacheControl?.Private, "private");
    }
}

[Collection(PostgresCollection.Name)]
public sealed class AlertsApiTestsOnPostgres(PostgresHostFixture fixture) : AlertsApiTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class AlertsApiTestsOnSqlite(SqliteHostFixture fixture) : AlertsApiTests(fixture);
