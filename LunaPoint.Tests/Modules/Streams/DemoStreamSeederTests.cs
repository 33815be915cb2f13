using System.Text.Json;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;

namespace LunaPoint.Tests.Modules.Streams;

/// <summary>
/// scripts/run.sh --demo sets LunaPoint:Demo:Source: the host copies that video under its first media root
/// and creates one endless videofile stream named "Demo" for it, once; a restart finds it and adds none.
/// </summary>
public sealed class DemoStreamSeederTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task DemoSource_CreatesOneEndlessDemoStreamUnderTheMediaRoot_AndARestartAddsNone(DatabaseProvider provider)
    {
        var media = Directory.CreateTempSubdirectory("lunapoint-demo-media-").FullName;
        var video = await TestVideos.FaceMovingAcrossAsync();
        var settings = new Dictionary<string, string?>
        {
            ["LunaPoint:Demo:Source"] = video,
            ["LunaPoint:Media:Roots:0"] = media,
        };
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            // Keep the database: the factory would delete it on dispose, and the restart needs it.
            database.KeepOnDispose = true;
            Guid id;
            await using (var first = new LunaPointFactory(database, settings))
            {
                _ = first.Server;
                await first.WaitUntilReadyAsync();
                using var admin = await first.CreateAdminClientAsync();
                await WaitForAsync(async () => (await DemoStreamsAsync(admin)).Count > 0, "the Demo stream to be created");
                var demo = Assert.Single(await DemoStreamsAsync(admin));
                id = demo.GetProperty("id").GetGuid();
                Assert.Equal("videofile", demo.GetProperty("type").GetString());
                Assert.True(demo.GetProperty("endless").GetBoolean());
                Assert.True(demo.GetProperty("enabled").GetBoolean());
                var copy = Path.Combine(media, "demo", Path.GetFileName(video));
                Assert.Equal(copy, demo.GetProperty("source").GetString());
                Assert.Equal(new FileInfo(video).Length, new FileInfo(copy).Length);
            }

            database.KeepOnDispose = false;
            await using var second = new LunaPointFactory(database, settings);
            _ = second.Server;
            await second.WaitUntilReadyAsync();
            using var again = await second.CreateAdminClientAsync();
            await WaitForAsync(
                () => Task.FromResult(second.Logs.Lines.Any(l => l.Message.StartsWith("The demo stream exists already", StringComparison.Ordinal))),
                "the seeder to find the Demo stream after the restart");
            var after = Assert.Single(await DemoStreamsAsync(again));
            Assert.Equal(id, after.GetProperty("id").GetGuid());
        }
        finally
        {
            Directory.Delete(media, recursive: true);
        }
    }

    private static async Task<List<JsonElement>> DemoStreamsAsync(HttpClient client)
    {
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/streams?pageSize=500")).RootElement;
        return [.. list.GetProperty("items").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "Demo")];
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(200);
        }
    }
}
