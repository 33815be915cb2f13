using System.Net;
using System.Text.Json;

namespace LunaPoint.Tests.Modules.Events.Lists;

/// <summary>The licence's face limit and largeLists on every enrolment path: exactly the limit passes, one past is refused.</summary>
public abstract class WatchlistLicenceTests(WatchlistHostFixture fixture) : WatchlistTestBase(fixture)
{
    [Fact]
    public async Task FaceLimit_ExactlyPasses_OnePastIsRefused_OnPhotoZipAndImport()
    {
        var listId = Id(await Api.CreateListAsync("Limited"));
        await Api.LicenseAsync(maxFaces: 2);

        // Photo: the second face is exactly the limit, the third is one past.
        await Api.EnrolAsync(listId, "First");
        var second = await Api.EnrolAsync(listId, "Second");
        var refused = await WatchlistApi.ExpectAsync(await Api.PostFaceAsync(listId, "Third", WatchlistApi.Photo("astronaut.png")), HttpStatusCode.Conflict);
        Assert.Equal("license.maxFacesWithDescriptors", refused.GetProperty("code").GetString());
        // Another photo of a face already counted does not count again.
        using var morePhotos = await Api.Client.PostAsync($"/api/v1/faces/{Id(second)}/photos", new MultipartFormDataContent { { new ByteArrayContent(WatchlistApi.Photo("astronaut.png")), "photo", "p.png" } });
        Assert.Equal(HttpStatusCode.Created, morePhotos.StatusCode);

        // Zip at the limit: every new person refused, reported per file.
        var zip = await Zip(("Zed_One.png", "astronaut.png"));
        var report = await WatchlistApi.ExpectAsync(await Api.BulkAsync(listId, zip), HttpStatusCode.OK);
        Assert.Equal("refused", report.GetProperty("files")[0].GetProperty("status").GetString());

        // Import at the limit: refused up front.
        var atLimit = await WatchlistApi.ExpectAsync(await Api.ImportAsync(listId, WatchlistApi.Line("x", 1)), HttpStatusCode.Conflict);
        Assert.Equal("license.maxFacesWithDescriptors", atLimit.GetProperty("code").GetString());

        // Room for three more: an import of four takes three and refuses the fourth line; a zip of two people after that takes none.
        await Api.LicenseAsync(maxFaces: 5, largeLists: true);
        var import = await WatchlistApi.ExpectAsync(await Api.ImportAsync(listId, string.Join('\n', Enumerable.Range(10, 4).Select(i => WatchlistApi.Line($"p{i}", i)))), HttpStatusCode.OK);
        Assert.Equal(3, import.GetProperty("imported").GetInt64());
        Assert.Equal(1, import.GetProperty("refused").GetInt64());
        Assert.Equal((4, "license"), (import.GetProperty("errors")[0].GetProperty("line").GetInt32(), import.GetProperty("errors")[0].GetProperty("field").GetString()));

        // Zip: room for exactly one person, the second is refused.
        await Api.LicenseAsync(maxFaces: 6, largeLists: true);
        var zipReport = await WatchlistApi.ExpectAsync(await Api.BulkAsync(listId, await Zip(("Amy_A.png", "astronaut.png"), ("Ben_B.jpg", "lbp_yale.jpg"))), HttpStatusCode.OK);
        Assert.True(zipReport.GetProperty("created").GetInt32() == 1, zipReport.ToString());
        Assert.Equal(1, zipReport.GetProperty("refused").GetInt32());
        Assert.Equal(6, (await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/lists/{listId}"), HttpStatusCode.OK)).GetProperty("faces").GetInt64());
    }

    [Fact]
    public async Task ConcurrentImports_NeverPassTheLimit()
    {
        var lists = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            lists.Add(Id(await Api.CreateListAsync($"Race {i}")));
        }

        await Api.LicenseAsync(maxFaces: 7, largeLists: true);
        var responses = await Task.WhenAll(lists.Select((listId, n) =>
            Api.ImportAsync(listId, string.Join('\n', Enumerable.Range(n * 10, 3).Select(i => WatchlistApi.Line($"r{i}", i))))));

        // Each import got its turn and took what room was left, or found none left and was refused up front.
        long imported = 0;
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"import answered {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                imported += JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("imported").GetInt64();
            }
        }

        Assert.Equal(7, imported);
        long total = 0;
        foreach (var listId in lists)
        {
            total += (await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/lists/{listId}"), HttpStatusCode.OK)).GetProperty("faces").GetInt64();
        }

        Assert.Equal(7, total);
    }

    [Fact]
    public async Task ListSize_PastTheLargeListLimit_NeedsLargeLists()
    {
        var listId = Id(await Api.CreateListAsync("Crowded"));
        var lines = string.Join('\n', Enumerable.Range(100, WatchlistHostFixture.FacesPerList + 1).Select(i => WatchlistApi.Line($"c{i}", i)));
        var report = await WatchlistApi.ExpectAsync(await Api.ImportAsync(listId, lines), HttpStatusCode.OK);
        Assert.Equal(WatchlistHostFixture.FacesPerList, report.GetProperty("imported").GetInt64());
        Assert.Equal("largeLists", report.GetProperty("errors")[0].GetProperty("field").GetString());
        var full = await WatchlistApi.ExpectAsync(await Api.PostFaceAsync(listId, "One more", WatchlistApi.Photo("astronaut.png")), HttpStatusCode.Conflict);
        Assert.Equal("license.largeLists", full.GetProperty("code").GetString());

        await Api.LicenseAsync(1000, largeLists: true);
        await Api.EnrolAsync(listId, "One more");
        Assert.Equal(WatchlistHostFixture.FacesPerList + 1, (await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/lists/{listId}"), HttpStatusCode.OK)).GetProperty("faces").GetInt64());
    }

    private static Task<byte[]> Zip(params (string Name, string Media)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, media) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(WatchlistApi.Photo(media));
            }
        }

        return Task.FromResult(buffer.ToArray());
    }
}

[Collection(PostgresWatchlistCollection.Name)]
public sealed class WatchlistLicenceTestsOnPostgres(PostgresWatchlistHostFixture fixture) : WatchlistLicenceTests(fixture);

[Collection(SqliteWatchlistCollection.Name)]
public sealed class WatchlistLicenceTestsOnSqlite(SqliteWatchlistHostFixture fixture) : WatchlistLicenceTests(fixture);
