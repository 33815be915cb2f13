using System.Net;
using System.Net.Http.Json;
using System.Text;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Events.Lists;

/// <summary>Lists and faces over REST: enrol from a real photo with the real models, read back, index in step, bad input refused.</summary>
public abstract class WatchlistCrudTests(WatchlistHostFixture fixture) : WatchlistTestBase(fixture)
{
    [Fact]
    public async Task EnrolFromPhoto_ReadsBack_ServesJpeg_AndKeepsTheIndexInStep()
    {
        var list = await Api.CreateListAsync("Staff");
        Assert.Equal(Similarity.DefaultThreshold, list.GetProperty("threshold").GetDouble());
        Assert.Equal("#1e88e5", list.GetProperty("color").GetString());
        var listId = Id(list);

        var face = await Api.EnrolAsync(listId, "Eileen Collins");
        var faceId = Id(face);
        var got = await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/faces/{faceId}"), HttpStatusCode.OK);
        Assert.Equal("Eileen Collins", got.GetProperty("name").GetString());
        Assert.Equal("ext-Eileen Collins", got.GetProperty("externalId").GetString());
        Assert.Equal([listId], got.GetProperty("listIds").EnumerateArray().Select(e => e.GetString()));
        var photoUrl = got.GetProperty("photos")[0].GetProperty("url").GetString()!;
        using var jpeg = await Api.Client.GetAsync(photoUrl);
        Assert.Equal(HttpStatusCode.OK, jpeg.StatusCode);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType?.MediaType);
        var bytes = await jpeg.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 1000 && bytes[0] == 0xFF && bytes[1] == 0xD8, "the photo is a JPEG");
        var faces = await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/lists/{listId}/faces?name=eileen"), HttpStatusCode.OK);
        Assert.Equal(photoUrl, faces.GetProperty("items")[0].GetProperty("thumbnailUrl").GetString());
        Assert.Equal(1, (await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/lists/{listId}"), HttpStatusCode.OK)).GetProperty("faces").GetInt64());

        // The stored descriptor finds the face in its list's partition of the index, and only there.
        var descriptor = await StoredDescriptorAsync(Guid.Parse(faceId));
        var hits = Index.Index.Search(descriptor, new IndexQuery<Guid>(5, Partitions: [Guid.Parse(listId)]));
        Assert.Equal(Guid.Parse(faceId), Assert.Single(hits).Owner);

        // A second photo (mirrored, re-encoded) of the same face; then membership in a second list.
        using var added = await Api.Client.PostAsync($"/api/v1/faces/{faceId}/photos", PhotoForm(Mirrored("astronaut.png")));
        var secondPhoto = Id(await WatchlistApi.ExpectAsync(added, HttpStatusCode.Created));
        var other = Id(await Api.CreateListAsync("Visitors"));
        using var patch = await Api.Client.PatchAsync($"/api/v1/faces/{faceId}", Json($$$"""{"listIds":["{{{listId}}}","{{{other}}}"],"userData":{"badge":7}}"""));
        Assert.Equal(7, (await WatchlistApi.ExpectAsync(patch, HttpStatusCode.OK)).GetProperty("userData").GetProperty("badge").GetInt32());
        Assert.Equal(2, Index.Index.Search(descriptor, new IndexQuery<Guid>(5, Partitions: [Guid.Parse(other)])).Count);

        // Deleting a photo and then the face takes them out of the index and the image store.
        Assert.Equal(HttpStatusCode.NoContent, (await Api.Client.DeleteAsync($"/api/v1/faces/{faceId}/photos/{secondPhoto}")).StatusCode);
        Assert.DoesNotContain(Index.Index.Search(descriptor, new IndexQuery<Guid>(10)), h => h.Id == Guid.Parse(secondPhoto));
        Assert.Equal(HttpStatusCode.NoContent, (await Api.Client.DeleteAsync($"/api/v1/faces/{faceId}")).StatusCode);
        Assert.Empty(Index.Index.Search(descriptor, new IndexQuery<Guid>(10, Owners: new HashSet<Guid> { Guid.Parse(faceId) })));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync(photoUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync($"/api/v1/faces/{faceId}")).StatusCode);
    }

    [Fact]
    public async Task DeleteList_DeletesTheFacesInNoOtherList_AndKeepsTheOthers()
    {
        var doomed = Id(await Api.CreateListAsync("Doomed"));
        var kept = Id(await Api.CreateListAsync("Kept"));
        var alone = Id(await Api.EnrolAsync(doomed, "Alone"));
        var shared = Id(await Api.EnrolAsync(doomed, "Shared"));
        using var patch = await Api.Client.PatchAsync($"/api/v1/faces/{shared}", Json($$"""{"listIds":["{{doomed}}","{{kept}}"]}"""));
        await WatchlistApi.ExpectAsync(patch, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.Client.DeleteAsync($"/api/v1/lists/{doomed}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync($"/api/v1/faces/{alone}")).StatusCode);
        var left = await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/faces/{shared}"), HttpStatusCode.OK);
        Assert.Equal([kept], left.GetProperty("listIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(Index.Index.Search(await StoredDescriptorAsync(Guid.Parse(shared)), new IndexQuery<Guid>(5, Partitions: [Guid.Parse(doomed)])));
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync($"/api/v1/lists/{doomed}")).StatusCode);
    }

    [Fact]
    public async Task RacingRequests_ForTheSameNameOrMembership_AnswerConflict_NeverAServerError()
    {
        // Eight creates of one name at once: one wins, the others are told 409 (the unique key, not a 500).
        var name = $"Race {Guid.NewGuid():N}";
        var creates = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Api.Client.PostAsJsonAsync("/api/v1/lists", new { name })));
        Assert.Equal(1, creates.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(creates.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));

        // Eight patches adding the same lists to one face at once: each succeeds or is told 409.
        var first = Id(await Api.CreateListAsync($"Race A {Guid.NewGuid():N}"));
        var second = Id(await Api.CreateListAsync($"Race B {Guid.NewGuid():N}"));
        var face = (await Api.EnrolAsync(first, "Racer")).GetProperty("id").GetString();
        var body = $"{{\"listIds\":[\"{first}\",\"{second}\"]}}";
        var patches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Api.Client.PatchAsync($"/api/v1/faces/{face}", new StringContent(body, System.Text.Encoding.UTF8, "application/merge-patch+json"))));
        Assert.All(patches, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Content.ReadAsStringAsync().Result}"));
        Assert.Contains(patches, r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task BadInput_IsRefusedNamingTheField()
    {
        var listId = Id(await Api.CreateListAsync("Checked"));
        var gray = new Mat(300, 300, MatType.CV_8UC3, OpenCvSharp.Scalar.All(128)).ImEncode(".png");

        await WatchlistApi.ExpectFieldAsync(await Api.PostFaceAsync(listId, "Nobody", gray), HttpStatusCode.UnprocessableEntity, "photo");
        var notImage = await Api.PostFaceAsync(listId, "Text", Encoding.UTF8.GetBytes("this is not an image at all"));
        Assert.True(notImage.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.UnsupportedMediaType, $"not an image: {notImage.StatusCode}");
        await WatchlistApi.ExpectFieldAsync(notImage, notImage.StatusCode, "photo");
        await WatchlistApi.ExpectFieldAsync(await Api.PostFaceAsync(listId, "Big", new byte[WatchlistHostFixture.MaxPhotoBytes + 1]), HttpStatusCode.RequestEntityTooLarge, "photo");
        await WatchlistApi.ExpectFieldAsync(await Api.PostFaceAsync(listId, "Far", WatchlistApi.Photo("astronaut.png"), faceIndex: "3"), HttpStatusCode.BadRequest, "faceIndex");
        await WatchlistApi.ExpectFieldAsync(await Api.PostFaceAsync(listId, "Minus", WatchlistApi.Photo("astronaut.png"), faceIndex: "-1"), HttpStatusCode.BadRequest, "faceIndex");
        await WatchlistApi.ExpectFieldAsync(await Api.PostFaceAsync(listId, null, WatchlistApi.Photo("astronaut.png")), HttpStatusCode.BadRequest, "name");
        await WatchlistApi.ExpectFieldAsync(await Api.PostFaceAsync(listId, "Data", WatchlistApi.Photo("astronaut.png"), userData: "{not json"), HttpStatusCode.BadRequest, "userData");
        await WatchlistApi.ExpectFieldAsync(await Api.PostFaceAsync(listId, "NoPhoto", null), HttpStatusCode.BadRequest, "photo");

        await WatchlistApi.ExpectFieldAsync(await Api.Client.PostAsJsonAsync("/api/v1/lists", new { name = "High", threshold = 1.5 }), HttpStatusCode.BadRequest, "threshold");
        await WatchlistApi.ExpectFieldAsync(await Api.Client.PostAsJsonAsync("/api/v1/lists", new { name = "Low", threshold = -0.1 }), HttpStatusCode.BadRequest, "threshold");
        await WatchlistApi.ExpectFieldAsync(await Api.Client.PostAsJsonAsync("/api/v1/lists", new { name = "Red", color = "red" }), HttpStatusCode.BadRequest, "color");
        await WatchlistApi.ExpectFieldAsync(await Api.Client.PostAsJsonAsync("/api/v1/lists", new { name = "" }), HttpStatusCode.BadRequest, "name");
        await WatchlistApi.ExpectFieldAsync(await Api.Client.PatchAsync($"/api/v1/lists/{listId}", Json("""{"threshold":2}""")), HttpStatusCode.BadRequest, "threshold");
        Assert.Equal(HttpStatusCode.Conflict, (await Api.Client.PostAsJsonAsync("/api/v1/lists", new { name = "CHECKED" })).StatusCode);

        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync($"/api/v1/lists/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync($"/api/v1/lists/{unknown}/faces")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostFaceAsync(unknown.ToString(), "Ghost", WatchlistApi.Photo("astronaut.png"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync($"/api/v1/faces/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.DeleteAsync($"/api/v1/faces/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Client.GetAsync($"/api/v1/faces/{unknown}/photos/{unknown}.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ImportAsync(unknown.ToString(), WatchlistApi.Line("a", 1))).StatusCode);
        var face = Id(await Api.EnrolAsync(listId, "Member"));
        await WatchlistApi.ExpectFieldAsync(await Api.Client.PatchAsync($"/api/v1/faces/{face}", Json($$"""{"listIds":["{{unknown}}"]}""")), HttpStatusCode.BadRequest, "listIds");
        await WatchlistApi.ExpectFieldAsync(await Api.Client.PatchAsync($"/api/v1/faces/{face}", Json("""{"listIds":[]}""")), HttpStatusCode.BadRequest, "listIds");
        Assert.Equal(0, (await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/lists/{listId}/faces?name=nobody"), HttpStatusCode.OK)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Viewer_ReadsListsButCannotChangeThem()
    {
        var listId = Id(await Api.CreateListAsync("Read only"));
        using var viewer = await Fixture.Factory.CreateClientAsAsync("Viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/lists/{listId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/lists", new { name = "Nope" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/lists/{listId}")).StatusCode);
        using var operatorClient = await Fixture.Factory.CreateClientAsAsync("Operator");
        Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsJsonAsync("/api/v1/lists", new { name = "By operator" })).StatusCode);
    }

    private async Task<float[]> StoredDescriptorAsync(Guid faceId)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        return DescriptorCodec.ToFloats(await db.FacePhotos.Where(p => p.FaceId == faceId).OrderBy(p => p.CreatedAt).Select(p => p.Descriptor).FirstAsync());
    }

    private static byte[] Mirrored(string media)
    {
        using var image = Cv2.ImRead(RepoPaths.Media(media));
        using var flipped = image.Flip(FlipMode.Y);
        return flipped.ImEncode(".jpg", [(int)ImwriteFlags.JpegQuality, 60]);
    }

    private static MultipartFormDataContent PhotoForm(byte[] photo) => new() { { new ByteArrayContent(photo), "photo", "photo.jpg" } };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/merge-patch+json");
}

[Collection(PostgresWatchlistCollection.Name)]
public sealed class WatchlistCrudTestsOnPostgres(PostgresWatchlistHostFixture fixture) : WatchlistCrudTests(fixture);

[Collection(SqliteWatchlistCollection.Name)]
public sealed class WatchlistCrudTestsOnSqlite(SqliteWatchlistHostFixture fixture) : WatchlistCrudTests(fixture);
