using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using LunaPoint.Tests.Modules.Detection.Workers;
using LunaPoint.Tests.Platform;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>
/// Camera health end to end: a real stream analysed by the Detection worker from an ffmpeg HTTP camera
/// stand-in; killing the stand-in gives exactly one streamDown alert, starting it again one streamUp.
/// </summary>
public abstract class StreamHealthAlertTests(WorkerHostFixture fixture) : IAsyncLifetime
{
    private readonly EvaluationKit _kit = new(fixture.Factory.Services);
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await fixture.Factory.CreateAdminClientAsync();
        await StreamApi.DeleteAllAsync(_admin);
        await _kit.ResetAsync();
    }

    public async Task DisposeAsync()
    {
        await StreamApi.DeleteAllAsync(_admin);
        await _kit.ResetAsync();
        _admin.Dispose();
    }

    [Fact]
    public async Task CameraKilled_OneStreamDownAlert_ThenBack_OneStreamUp()
    {
        var clip = await TestVideos.FaceMovingAcrossAsync(seconds: 6);
        await using var camera = await FfmpegHttpSource.StartNewAsync(clip);
        var id = await StreamApi.CreateAsync(_admin, new
        {
            name = "Gate camera",
            type = "http",
            source = camera.Url,
            settings = new { maxAnalysisFps = 5, detectorStep = 2, healthcheck = new { reconnectDelayMs = 200, maxBackoffMs = 1000, readTimeoutMs = 8000 } },
        });
        var down = await _kit.AddRuleAsync(AlertTrigger.StreamDown, new RuleConditions { StreamIds = [id], DownAfterSeconds = 2 });
        var up = await _kit.AddRuleAsync(AlertTrigger.StreamUp, new RuleConditions { StreamIds = [id] });
        // A rule for another stream stays silent.
        await _kit.AddRuleAsync(AlertTrigger.StreamDown, new RuleConditions { StreamIds = [Guid.NewGuid()], DownAfterSeconds = 2 });
        await StreamApi.WaitForStatusAsync(_admin, id, "in_progress");

        await camera.KillAsync();
        await Poll.UntilAsync(async () => (await _kit.AlertsAsync()).Any(a => a.Trigger == AlertTrigger.StreamDown), "a streamDown alert", TimeSpan.FromSeconds(60));
        var stream = await StreamApi.GetAsync(_admin, id);
        Assert.Equal("failed", stream.GetProperty("status").GetString());

        await camera.StartAsync();
        await Poll.UntilAsync(async () => (await _kit.AlertsAsync()).Any(a => a.Trigger == AlertTrigger.StreamUp), "a streamUp alert", TimeSpan.FromSeconds(90));

        var alerts = await _kit.AlertsAsync();
        var downAlert = Assert.Single(alerts, a => a.Trigger == AlertTrigger.StreamDown);
        var upAlert = Assert.Single(alerts, a => a.Trigger == AlertTrigger.StreamUp);
        Assert.Equal(2, alerts.Count);
        Assert.Equal((down.Id, id, "Stream Gate camera is down"), (downAlert.RuleId, downAlert.StreamId, downAlert.Title));
        Assert.Contains("reconnecting", downAlert.Details);
        Assert.Equal((up.Id, id, "Stream Gate camera is back"), (upAlert.RuleId, upAlert.StreamId, upAlert.Title));
        Assert.True(upAlert.CreatedAt > downAlert.CreatedAt);
    }
}

[Collection(PostgresWorkerCollection.Name)]
public sealed class StreamHealthAlertTestsOnPostgres(PostgresWorkerHostFixture fixture) : StreamHealthAlertTests(fixture);

[Collection(SqliteWorkerCollection.Name)]
public sealed class StreamHealthAlertTestsOnSqlite(SqliteWorkerHostFixture fixture) : StreamHealthAlertTests(fixture);
