using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Events.Lists;

/// <summary>NDJSON descriptor import and zip enrolment: good lines and files land, each bad one is reported and the rest go on.</summary>
public abstract class WatchlistBulkTests(WatchlistHostFixture fixture) : WatchlistTestBase(fixture)
{
    [Fact]
    public async Task Import_ReportsEachBadLine_AndImportsTheRest()
    {
        var listId = Id(await Api.CreateListAsync("Imported"));
        var lines = new[]
        {
            WatchlistApi.Line("Ann One", 1),
            """{"name":"Bad Base64","descriptor":"@@@not base64@@@"}""",
            JsonSerializer.Serialize(new { name = "Short", descriptor = WatchlistApi.DescriptorBase64(2, length: 100) }),
            """{"name":"Broken", "descriptor": """,
            JsonSerializer.Serialize(new { externalId = "no-name", descriptor = WatchlistApi.DescriptorBase64(3) }),
            "",
            WatchlistApi.Line("Bob Two", 4) + "\r",
            JsonSerializer.Serialize(new { name = "Zero", descriptor = Convert.ToBase64String(new byte[2048]) }),
            "{\"name\":\"Long\",\"descriptor\":\"" + new string('A', 20_000) + "\"}",
        };

        var report = await WatchlistApi.ExpectAsync(await Api.ImportAsync(listId, string.Join('\n', lines)), HttpStatusCode.OK);

        Assert.Equal(8, report.GetProperty("lines").GetInt64());
        Assert.Equal(2, report.GetProperty("imported").GetInt64());
        Assert.Equal(6, report.GetProperty("failed").GetInt64());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(2, "descriptor"), (3, "descriptor"), (4, "line"), (5, "name"), (8, "descriptor"), (9, "line")], errors);

        // The imported faces are listed (no photo, so no thumbnail) and found in the index by their own descriptor.
        var faces = await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/lists/{listId}/faces"), HttpStatusCode.OK);
        Assert.Equal(["Ann One", "Bob Two"], faces.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.All(faces.GetProperty("items").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("thumbnailUrl").ValueKind));
        var query = DescriptorCodec.TryParseBase64(WatchlistApi.DescriptorBase64(4), out _)!;
        var top = Index.Index.Search(query, new IndexQuery<Guid>(1, Partitions: [Guid.Parse(listId)]))[0];
        Assert.Equal(faces.GetProperty("items")[1].GetProperty("id").GetString(), top.Owner.ToString());
        Assert.True(top.Cosine > 0.999f);

        using var wrongType = await Api.Client.PostAsync($"/api/v1/lists/{listId}/faces/import", new StringContent(lines[0], Encoding.UTF8, "application/json"));
        await WatchlistApi.ExpectFieldAsync(wrongType, HttpStatusCode.UnsupportedMediaType, "body");
    }

    [Fact]
    public async Task Zip_EnrolsPeopleByFileName_AndReportsJunkNestingTraversalAndBombs()
    {
        var listId = Id(await Api.CreateListAsync("From zip"));
        var zip = Zip(
            ("Eileen_Collins.png", WatchlistApi.Photo("astronaut.png"), null),
            ("Eileen_Collins_2.jpg", WatchlistApi.Photo("astronaut.png"), null),
            ("Yale.jpg", WatchlistApi.Photo("lbp_yale.jpg"), null),
            ("readme.txt", Encoding.UTF8.GetBytes("hello"), null),
            ("folder/Nested_Person.png", WatchlistApi.Photo("astronaut.png"), null),
            ("../Escaped.png", WatchlistApi.Photo("astronaut.png"), null),
            ("/abs/Rooted.png", WatchlistApi.Photo("astronaut.png"), null),
            ("Bomb.png", new byte[6_000_000], null),
            ("Link.png", Encoding.UTF8.GetBytes("/etc/passwd"), 0xA1FF),
            ("Empty_Wall.png", new OpenCvSharp.Mat(200, 200, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(90)).ImEncode(".png"), null));

        var report = await WatchlistApi.ExpectAsync(await Api.BulkAsync(listId, zip, "file,name,externalId\nYale.jpg,Yale Person,Y1\n"), HttpStatusCode.OK);

        var files = report.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("status").GetString());
        Assert.Equal("created", files["Eileen_Collins.png"]);
        Assert.Equal("created", files["Eileen_Collins_2.jpg"]);
        Assert.Equal("created", files["Yale.jpg"]);
        foreach (var bad in new[] { "readme.txt", "folder/Nested_Person.png", "../Escaped.png", "/abs/Rooted.png", "Bomb.png", "Link.png", "Empty_Wall.png" })
        {
            Assert.Equal("failed", files[bad]);
        }

        Assert.Equal(3, report.GetProperty("created").GetInt32());
        var faces = await WatchlistApi.ExpectAsync(await Api.Client.GetAsync($"/api/v1/lists/{listId}/faces"), HttpStatusCode.OK);
        var byName = faces.GetProperty("items").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["Eileen Collins", "Yale Person"], byName.Keys.Order());
        Assert.Equal(2, byName["Eileen Collins"].GetProperty("photos").GetInt32());
        Assert.Equal("Y1", byName["Yale Person"].GetProperty("externalId").GetString());

        // Nothing was written under an entry's name, inside or beside the image store.
        var root = Fixture.Factory.Services.GetRequiredService<ImageStore>().Root;
        foreach (var name in new[] { "Escaped.png", "Rooted.png", "Nested_Person.png", "Link.png" })
        {
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(root)!, name, SearchOption.AllDirectories));
        }

        using var notZip = await Api.BulkAsync(listId, Encoding.UTF8.GetBytes("not a zip"));
        await WatchlistApi.ExpectFieldAsync(notZip, HttpStatusCode.UnprocessableEntity, "archive");
    }

    private static byte[] Zip(params (string Name, byte[] Bytes, int? UnixMode)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes, mode) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                if (mode is { } unix)
                {
                    entry.ExternalAttributes = unix << 16;
                }

                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}

[Collection(PostgresWatchlistCollection.Name)]
public sealed class WatchlistBulkTestsOnPostgres(PostgresWatchlistHostFixture fixture) : WatchlistBulkTests(fixture);

[Collection(SqliteWatchlistCollection.Name)]
public sealed class WatchlistBulkTestsOnSqlite(SqliteWatchlistHostFixture fixture) : WatchlistBulkTests(fixture);
