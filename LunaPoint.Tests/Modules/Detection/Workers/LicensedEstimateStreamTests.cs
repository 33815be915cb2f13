using System.Text.Json;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using LunaPoint.Tests.Modules.Detection.Webhooks;
using Microsoft.Extensions.Logging;
using static LunaPoint.Tests.Modules.Detection.Workers.FeatureTestData;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>
/// Estimates on the best shots of running streams, gated by the licence in force: real models on a real
/// face video, the webhook a real receiver gets, the track rows; a licence swap on a running stream.
/// </summary>
public abstract class LicensedEstimateStreamTests(LicensedWorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Every = ["liveness", "attributes", "pose", "eyes", "image", "iso"];

    private HttpClient _admin = null!;

    private LunaPointFactory Factory => fixture.Factory;

    public async Task InitializeAsync()
    {
        _admin = await Factory.CreateAdminClientAsync();
        await StreamApi.DeleteAllAsync(_admin);
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
    public async Task FaceVideo_WithLivenessAttributesAndIso_UnderALicenceWithThem_BestShotsCarryEveryEstimate()
    {
        await FeatureLicences.InstallAsync(_admin, fixture, liveness: true, isoChecks: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        var video = Stage(fixture.MediaRoot, await TestVideos.FaceMovingAcrossAsync(width: 640, height: 360, seconds: 4, faceSize: 160));

        var id = await StreamApi.CreateAsync(_admin, Stream("estimates", video, receiver.Url, batch: true, liveness: true, attributes: true, isoChecks: true));
        await StreamApi.WaitForStatusAsync(_admin, id, "done");

        var track = Assert.Single(await TracksAsync(Factory, id));
        Assert.NotNull(track.EstimatesJson);
        var stored = JsonDocument.Parse(track.EstimatesJson).RootElement;
        Assert.All(Every, name => Assert.True(Has(stored, name), $"the track row's estimates lack {name}: {track.EstimatesJson}"));
        Assert.Contains(stored.GetProperty("liveness").GetProperty("state").GetString(), new[] { "real", "spoof", "unknown" });
        Assert.Contains(stored.GetProperty("attributes").GetProperty("gender").GetString(), new[] { "female", "male" });
        Assert.True(stored.GetProperty("iso").GetProperty("checks").GetArrayLength() > 0);
        // The portrait's ISO report is made outside the estimator: rounded all the same.
        Assert.All(stored.GetProperty("iso").GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("value")).Where(v => v.ValueKind == JsonValueKind.Number),
            v => Assert.Equal(Math.Round(v.GetDouble(), 4), v.GetDouble()));

        await Wait.UntilAsync(() => Posts(receiver, id).Count >= track.BestShots, TimeSpan.FromSeconds(30), () => $"{track.BestShots} webhook posts, got {Posts(receiver, id).Count}");
        foreach (var (metadata, _) in Posts(receiver, id))
        {
            Assert.Equal("faceBestShot", metadata.GetProperty("type").GetString());
            var estimates = metadata.GetProperty("estimates");
            Assert.All(Every, name => Assert.True(Has(estimates, name), $"the webhook's estimates lack {name}: {estimates}"));
        }

        // The ISO report judges the portrait cut from the held crop: a frontal face meets its geometry, unless
        // the frame's edge cut that portrait (the face entering or leaving), and then the checks say so.
        var posts = Posts(receiver, id);
        foreach (var (metadata, _) in posts)
        {
            foreach (var check in Geometry(metadata))
            {
                output.WriteLine($"{metadata.GetProperty("kind").GetString()} {check}");
                Assert.True(
                    check.GetProperty("passed").GetBoolean() || check.GetProperty("detail").GetString()!.Contains("the frame's edge cuts the portrait", StringComparison.Ordinal),
                    $"a geometry check failed on a portrait the frame held whole: {check}");
            }
        }

        var final = posts.Single(p => p.Metadata.GetProperty("kind").GetString() == "final").Metadata;
        Assert.Equal(3, Geometry(final).Length);
        Assert.All(Geometry(final), check => Assert.True(check.GetProperty("passed").GetBoolean(), $"the final shot's {check}"));
    }

    private static JsonElement[] Geometry(JsonElement metadata) =>
        [.. metadata.GetProperty("estimates").GetProperty("iso").GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("name").GetString() is "faceSize" or "faceCentre" or "eyeLine")];

    [Fact]
    public async Task RunningStream_LicenceSwappedWithoutLivenessAndBack_LosesAndRegainsLiveness_WithoutRestarting()
    {
        await FeatureLicences.InstallAsync(_admin, fixture, liveness: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        var video = Stage(fixture.MediaRoot, await TestVideos.FaceMovingAcrossAsync(width: 640, height: 360, seconds: 3, faceSize: 160));
        var id = await StreamApi.CreateAsync(_admin, Stream("swap", video, receiver.Url, batch: false, endless: true, liveness: true));
        await WaitForShotAsync(receiver, id, DateTimeOffset.MinValue, liveness: true);
        var before = await StreamApi.StatsAsync(_admin, id);

        var withoutAt = DateTimeOffset.UtcNow;
        await FeatureLicences.InstallAsync(_admin, fixture, liveness: false);
        await WaitForShotAsync(receiver, id, withoutAt, liveness: false);
        // Operators see why in the stream's figures, not only in the log.
        Assert.Equal(["liveness"], (await StreamApi.StatsAsync(_admin, id)).GetProperty("featuresDenied").EnumerateArray().Select(e => e.GetString()));
        var withAt = DateTimeOffset.UtcNow;
        await FeatureLicences.InstallAsync(_admin, fixture, liveness: true);
        await WaitForShotAsync(receiver, id, withAt, liveness: true);

        // The same worker all along: not restarted by the host (startedAt), not retried after a failure (runs).
        var after = await StreamApi.StatsAsync(_admin, id);
        Assert.True(after.GetProperty("running").GetBoolean());
        Assert.Equal(before.GetProperty("startedAt").GetDateTimeOffset(), after.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(1, after.GetProperty("workerRuns").GetInt64());
        Assert.Equal(0, before.GetProperty("featuresDenied").GetArrayLength());
        Assert.Equal(0, after.GetProperty("featuresDenied").GetArrayLength());
        Assert.Equal("in_progress", (await StreamApi.GetAsync(_admin, id)).GetProperty("status").GetString());
        var warnings = Factory.Logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains(id.ToString(), StringComparison.Ordinal) && l.Message.Contains("liveness", StringComparison.Ordinal));
        Assert.Single(warnings);
    }

    /// <summary>Waits for a best shot of a frame captured after <paramref name="after"/>; every such shot must (not) carry liveness.</summary>
    private static async Task WaitForShotAsync(WebhookReceiver receiver, Guid id, DateTimeOffset after, bool liveness)
    {
        List<JsonElement> Later() => [.. Posts(receiver, id).Select(p => p.Metadata).Where(m => m.GetProperty("capturedAt").GetDateTimeOffset() > after)];
        await Wait.UntilAsync(() => Later().Count > 0, TimeSpan.FromSeconds(60), () => $"a best shot captured after {after:O}; got {Posts(receiver, id).Count} posts");
        Assert.All(Later(), m => Assert.True(Has(m.GetProperty("estimates"), "liveness") == liveness, $"liveness {(liveness ? "missing" : "present")}: {m.GetProperty("estimates")}"));
        Assert.All(Later(), m => Assert.True(Has(m.GetProperty("estimates"), "pose"), "pose is on every best shot"));
    }

    private static object Stream(string name, string path, string webhookUrl, bool batch, bool endless = false, bool liveness = false, bool attributes = false, bool isoChecks = false) => new
    {
        name, type = "videofile", source = path, endless,
        settings = new
        {
            batch, maxAnalysisFps = 10, detectorStep = 2, minFaceSize = 30, liveness, attributes, isoChecks, webhookUrl,
            bestShot = new { minSize = 40, properSize = 100, timeoutMs = 1000 },
        },
    };
}

[Collection(PostgresLicensedWorkerCollection.Name)]
public sealed class LicensedEstimateStreamTestsOnPostgres(PostgresLicensedWorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    : LicensedEstimateStreamTests(fixture, output);

[Collection(SqliteLicensedWorkerCollection.Name)]
public sealed class LicensedEstimateStreamTestsOnSqlite(SqliteLicensedWorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    : LicensedEstimateStreamTests(fixture, output);
