using LunaPoint.Modules.Detection.Domain;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using LunaPoint.Tests.Modules.Detection.Webhooks;
using static LunaPoint.Tests.Modules.Detection.Workers.FeatureTestData;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>
/// Bodies on running streams (<c>settings.bodies</c>, licensed): real pedestrians (vtest.avi) give body
/// tracks with best shots; a person whose face is seen gives one face best shot carrying both crops.
/// </summary>
public abstract class BodyStreamTests(LicensedWorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    private LunaPointFactory Factory => fixture.Factory;

    public async Task InitializeAsync()
    {
        _admin = await Factory.CreateAdminClientAsync();
        await StreamApi.DeleteAllAsync(_admin);
        await FeatureLicences.InstallAsync(_admin, fixture, bodies: true);
    }

    public async Task DisposeAsync()
    {
        foreach (var line in Factory.Logs.Lines.Where(l => l.Category.Contains("Detection", StringComparison.Ordinal)).TakeLast(60))
        {
            output.WriteLine($"{line.Level} {line.Category}: {line.Message}");
        }

        await StreamApi.DeleteAllAsync(_admin);
        _admin.Dispose();
    }

    [Fact]
    public async Task Pedestrians_WithBodiesOn_GiveBodyTracksWithBestShots_ToRowsStatsAndWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var video = Stage(fixture.MediaRoot, await BodyVideos.PedestriansAsync());

        var id = await StreamApi.CreateAsync(_admin, Stream("pedestrians", video, bodies: true, receiver.Url));
        await StreamApi.WaitForStatusAsync(_admin, id, "done", TimeSpan.FromMinutes(3));

        var bodies = (await TracksAsync(Factory, id)).Where(t => t.Kind == TrackKind.Body).ToList();
        Assert.True(bodies.Count >= 2, $"vtest.avi shows several people walking; {bodies.Count} body tracks");
        Assert.Contains(bodies, b => b.BestShots >= 1);
        Assert.All(bodies, b => Assert.NotNull(b.EndedAt));
        var stats = await StreamApi.StatsAsync(_admin, id);
        Assert.Equal(bodies.Count, stats.GetProperty("bodyTracksStarted").GetInt64());
        Assert.Equal(bodies.Sum(b => b.BestShots), stats.GetProperty("bodyBestShotsSent").GetInt64());

        await Wait.UntilAsync(() => Posts(receiver, id).Count(p => p.Metadata.GetProperty("type").GetString() == "bodyBestShot") >= bodies.Sum(b => b.BestShots),
            TimeSpan.FromSeconds(30), () => $"a webhook post per body best shot; got {Posts(receiver, id).Count}");
        var (metadata, request) = Posts(receiver, id).First(p => p.Metadata.GetProperty("type").GetString() == "bodyBestShot");
        Assert.Contains(bodies, b => b.Id == metadata.GetProperty("trackId").GetGuid());
        var body = Assert.Single(request.Parts, p => p.Name == "body");
        Assert.True(body.Body is [0xFF, 0xD8, ..], "the body crop is a JPEG");
        Assert.DoesNotContain(request.Parts, p => p.Name == "face");
    }

    [Fact]
    public async Task Pedestrians_WithBodiesOff_GiveNoBodyTracks_AndNoError()
    {
        var video = Stage(fixture.MediaRoot, await BodyVideos.PedestriansAsync());

        var id = await StreamApi.CreateAsync(_admin, Stream("pedestrians, bodies off", video, bodies: false));
        var done = await StreamApi.WaitForStatusAsync(_admin, id, "done", TimeSpan.FromMinutes(3));

        Assert.DoesNotContain(await TracksAsync(Factory, id), t => t.Kind == TrackKind.Body);
        var stats = await StreamApi.StatsAsync(_admin, id);
        Assert.Equal(0, stats.GetProperty("bodyTracksStarted").GetInt64());
        Assert.Equal(0, stats.GetProperty("latencyMs").GetProperty("bodyDetect").GetProperty("samples").GetInt64());
        Assert.True(stats.GetProperty("framesAnalysed").GetInt64() > 0);
        Assert.True(done.GetProperty("lastError").ValueKind == System.Text.Json.JsonValueKind.Null, $"no error: {done}");
    }

    [Fact]
    public async Task PersonWithAFace_GivesOneFaceBestShotCarryingTheBodyCrop_AndTheFaceTrackIsLinkedToTheBodyTrack()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var video = Stage(fixture.MediaRoot, await BodyVideos.PersonWithAFaceAsync());

        var id = await StreamApi.CreateAsync(_admin, Stream("person", video, bodies: true, receiver.Url));
        await StreamApi.WaitForStatusAsync(_admin, id, "done", TimeSpan.FromMinutes(3));

        var tracks = await TracksAsync(Factory, id);
        var face = Assert.Single(tracks, t => t.Kind == TrackKind.Face);
        // The person's body track (a people detector may add a short-lived one elsewhere, never the face's).
        var body = Assert.Single(tracks, t => t.Id == face.BodyTrackId);
        Assert.Equal(TrackKind.Body, body.Kind);
        Assert.True(body.Detections >= 3, $"the body was seen in {body.Detections} frames");
        await Wait.UntilAsync(() => Posts(receiver, id).Count >= face.BestShots + body.BestShots, TimeSpan.FromSeconds(30), () => $"every best shot posted; got {Posts(receiver, id).Count}");
        var withBody = Posts(receiver, id).Where(p => p.Metadata.GetProperty("type").GetString() == "faceBestShot" && Has(p.Metadata, "body")).ToList();
        Assert.NotEmpty(withBody);
        var (metadata, request) = withBody[^1];
        Assert.Equal(body.Id, metadata.GetProperty("body").GetProperty("trackId").GetGuid());
        Assert.Contains(request.Parts, p => p.Name == "face" && p.Body is [0xFF, 0xD8, ..]);
        Assert.Contains(request.Parts, p => p.Name == "body" && p.Body is [0xFF, 0xD8, ..]);

        // The body's final lists the face seen inside it, whichever track ended first.
        var bodyFinal = Assert.Single(Posts(receiver, id), p => p.Metadata.GetProperty("type").GetString() == "bodyBestShot"
            && p.Metadata.GetProperty("trackId").GetGuid() == body.Id && p.Metadata.GetProperty("kind").GetString() == "final").Metadata;
        Assert.Contains(face.Id, bodyFinal.GetProperty("faceTrackIds").EnumerateArray().Select(e => e.GetGuid()));
    }

    private static object Stream(string name, string path, bool bodies, string? webhookUrl = null) => new
    {
        name, type = "videofile", source = path,
        settings = new
        {
            batch = true, maxAnalysisFps = 10, detectorStep = 2, minFaceSize = 30, bodies, webhookUrl,
            bestShot = new { minSize = 40, properSize = 100, timeoutMs = 1000 },
        },
    };
}

[Collection(PostgresLicensedWorkerCollection.Name)]
public sealed class BodyStreamTestsOnPostgres(PostgresLicensedWorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    : BodyStreamTests(fixture, output);

[Collection(SqliteLicensedWorkerCollection.Name)]
public sealed class BodyStreamTestsOnSqlite(SqliteLicensedWorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    : BodyStreamTests(fixture, output);
