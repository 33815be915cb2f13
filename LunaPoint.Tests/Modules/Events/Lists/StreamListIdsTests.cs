using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace LunaPoint.Tests.Modules.Events.Lists;

/// <summary>A stream's settings.listIds must name real lists, on create, replace, patch and import.</summary>
public abstract class StreamListIdsTests(WatchlistHostFixture fixture) : WatchlistTestBase(fixture)
{
    [Fact]
    public async Task StreamListIds_MustNameRealLists()
    {
        var real = Id(await Api.CreateListAsync("Watched"));
        var missing = Guid.NewGuid();
        object Stream(string name, params object[] listIds) => new { name, type = "rtsp", source = $"rtsp://127.0.0.1:8554/{Uri.EscapeDataString(name)}", enabled = false, settings = new { listIds } };

        var refused = await WatchlistApi.ExpectFieldAsync(await Api.Client.PostAsJsonAsync("/api/v1/streams", Stream("Cam A", real, missing)), HttpStatusCode.BadRequest, "settings.listIds");
        Assert.Contains(missing.ToString(), refused.GetRawText());
        Assert.DoesNotContain(real, refused.GetProperty("errors").GetProperty("settings.listIds")[0].GetString());
        var created = await WatchlistApi.ExpectAsync(await Api.Client.PostAsJsonAsync("/api/v1/streams", Stream("Cam B", real)), HttpStatusCode.Created);
        var streamId = Id(created);
        try
        {
            await WatchlistApi.ExpectFieldAsync(await Api.Client.PutAsJsonAsync($"/api/v1/streams/{streamId}", Stream("Cam B", missing)), HttpStatusCode.BadRequest, "settings.listIds");
            using var patch = await Api.Client.PatchAsync($"/api/v1/streams/{streamId}",
                new StringContent($$$"""{"settings":{"listIds":["{{{missing}}}"]}}""", Encoding.UTF8, "application/merge-patch+json"));
            await WatchlistApi.ExpectFieldAsync(patch, HttpStatusCode.BadRequest, "settings.listIds");
            await WatchlistApi.ExpectFieldAsync(await Api.Client.PostAsJsonAsync("/api/v1/streams/import", new[] { Stream("Cam C", real), Stream("Cam D", missing) }), HttpStatusCode.BadRequest, "streams[1].settings.listIds");

            // A list deleted after the stream was saved does not block other changes to the stream.
            Assert.Equal(HttpStatusCode.NoContent, (await Api.Client.DeleteAsync($"/api/v1/lists/{real}")).StatusCode);
            using var rename = await Api.Client.PatchAsync($"/api/v1/streams/{streamId}", new StringContent("""{"description":"renamed"}""", Encoding.UTF8, "application/merge-patch+json"));
            await WatchlistApi.ExpectAsync(rename, HttpStatusCode.OK);
        }
        finally
        {
            await Api.Client.DeleteAsync($"/api/v1/streams/{streamId}");
        }
    }
}

[Collection(PostgresWatchlistCollection.Name)]
public sealed class StreamListIdsTestsOnPostgres(PostgresWatchlistHostFixture fixture) : StreamListIdsTests(fixture);

[Collection(SqliteWatchlistCollection.Name)]
public sealed class StreamListIdsTestsOnSqlite(SqliteWatchlistHostFixture fixture) : StreamListIdsTests(fixture);
