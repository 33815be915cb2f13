using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>
/// A host restarted during an outage: the watcher's episodes are gone, the alerts table is not. A fresh
/// <see cref="StreamHealthCheck"/> (what a restart starts with) on the same database sees the stream still
/// failed and stays silent; the recovery then raises one streamUp.
/// </summary>
public abstract class StreamRestartTests(HostFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);
    private readonly EvaluationKit _kit = new(fixture.Factory.Services);

    public Task InitializeAsync() => _kit.ResetAsync();

    public Task DisposeAsync() => _kit.ResetAsync();

    [Fact]
    public async Task RestartDuringAnOutage_NoSecondStreamDown_ThenRecovery_OneStreamUp()
    {
        var streamId = Guid.NewGuid();
        var down = await _kit.AddRuleAsync(AlertTrigger.StreamDown, new RuleConditions { StreamIds = [streamId], DownAfterSeconds = 2 });
        var up = await _kit.AddRuleAsync(AlertTrigger.StreamUp, new RuleConditions { StreamIds = [streamId] });
        var t0 = DateTimeOffset.UtcNow;
        StreamHealth Failed() => new(streamId, "Gate camera", "Lobby", true, StreamState.Failed, t0.AddSeconds(-1), "connection refused");

        var before = new StreamHealthCheck(t0.AddMinutes(-1), StaleAfter, "UTC");
        await LookAsync(before, Failed(), t0.AddSeconds(5));
        Assert.Single(await _kit.AlertsAsync(), a => a.Trigger == AlertTrigger.StreamDown && a.RuleId == down.Id);

        // The restart: a new watcher, its episodes empty, the stream still failed well past downAfterSeconds.
        var after = new StreamHealthCheck(t0.AddSeconds(10), StaleAfter, "UTC");
        await LookAsync(after, Failed(), t0.AddSeconds(20));
        await LookAsync(after, Failed(), t0.AddSeconds(30));
        Assert.Single(await _kit.AlertsAsync());

        await LookAsync(after, new StreamHealth(streamId, "Gate camera", "Lobby", true, StreamState.InProgress, t0.AddSeconds(35), null), t0.AddSeconds(36));

        var alerts = await _kit.AlertsAsync();
        Assert.Equal(2, alerts.Count);
        Assert.Single(alerts, a => a.Trigger == AlertTrigger.StreamDown);
        var back = Assert.Single(alerts, a => a.Trigger == AlertTrigger.StreamUp);
        Assert.Equal((up.Id, (Guid?)streamId), (back.RuleId, back.StreamId));
    }

    [Fact]
    public async Task NewOutageAfterARecovery_AlertsAgain()
    {
        var streamId = Guid.NewGuid();
        await _kit.AddRuleAsync(AlertTrigger.StreamDown, new RuleConditions { StreamIds = [streamId], DownAfterSeconds = 2 });
        await _kit.AddRuleAsync(AlertTrigger.StreamUp, new RuleConditions { StreamIds = [streamId] });
        var t0 = DateTimeOffset.UtcNow;
        var check = new StreamHealthCheck(t0.AddMinutes(-1), StaleAfter, "UTC");
        await LookAsync(check, new(streamId, "Gate camera", null, true, StreamState.Failed, t0.AddSeconds(-1), "refused"), t0.AddSeconds(5));
        await LookAsync(check, new(streamId, "Gate camera", null, true, StreamState.InProgress, t0.AddSeconds(10), null), t0.AddSeconds(11));

        // Restarted after the recovery was alerted: a new outage is a new episode and alerts.
        var restarted = new StreamHealthCheck(t0.AddSeconds(20), StaleAfter, "UTC");
        await LookAsync(restarted, new(streamId, "Gate camera", null, true, StreamState.Failed, t0.AddSeconds(21), "refused"), t0.AddSeconds(30));

        Assert.Equal(2, (await _kit.AlertsAsync()).Count(a => a.Trigger == AlertTrigger.StreamDown));
    }

    private async Task LookAsync(StreamHealthCheck check, StreamHealth stream, DateTimeOffset now)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var snapshot = await fixture.Factory.Services.GetRequiredService<RuleCache>().GetAsync(CancellationToken.None);
        await check.RunAsync(scope.ServiceProvider, snapshot, [stream], now, CancellationToken.None);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class StreamRestartTestsOnPostgres(PostgresHostFixture fixture) : StreamRestartTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class StreamRestartTestsOnSqlite(SqliteHostFixture fixture) : StreamRestartTests(fixture);
