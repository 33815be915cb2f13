using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>Down episodes as the watcher sees them, poll by poll, with the time given.</summary>
public sealed class StreamEpisodesTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-30T10:00:00Z");
    private static readonly Guid Cam = Guid.NewGuid();
    private readonly NotificationRule _down = Rule(AlertTrigger.StreamDown, downAfter: 5);
    private readonly NotificationRule _slowDown = Rule(AlertTrigger.StreamDown, downAfter: 30);
    private readonly NotificationRule _up = Rule(AlertTrigger.StreamUp);
    private readonly StreamEpisodes _episodes = new(T0, TimeSpan.FromSeconds(7.5));

    private NotificationRule[] Rules => [_down, _slowDown, _up];

    [Fact]
    public void FailedStream_EachDownRuleFiresOncePerEpisode_AtItsOwnDelay_ThenUpOnce()
    {
        Assert.Empty(Look(Health(StreamState.InProgress, T0), 1).Down);
        Assert.Empty(Look(Health(StreamState.Failed, T0.AddSeconds(2)), 4).Down); // 2 s without frames

        var due = Look(Health(StreamState.Failed, T0.AddSeconds(2)), 7).Down;     // 5 s
        Assert.Equal([_down.Id], due.Select(d => d.Rule.Id));
        Assert.Equal(T0.AddSeconds(2), due[0].DownSince);
        _episodes.Fired(Cam, _down.Id);
        Assert.Empty(Look(Health(StreamState.Failed, T0.AddSeconds(2)), 8).Down);
        Assert.Equal([_slowDown.Id], Look(Health(StreamState.Failed, T0.AddSeconds(2)), 32).Down.Select(d => d.Rule.Id));
        _episodes.Fired(Cam, _slowDown.Id);

        var up = Look(Health(StreamState.InProgress, T0.AddSeconds(40)), 40.5).Up;
        Assert.Equal([_up.Id], up.Select(u => u.Rule.Id));
        Assert.Empty(Look(Health(StreamState.InProgress, T0.AddSeconds(41)), 41.5).Up);
        Assert.Equal(0, _episodes.Open);
    }

    [Fact]
    public void InProgressWithoutFreshFrames_IsDownOnlyOnceTheLastFrameIsStale()
    {
        Assert.Empty(Look(Health(StreamState.InProgress, T0.AddSeconds(1)), 6).Down); // 5 s old: a heartbeat may be late
        var due = Look(Health(StreamState.InProgress, T0.AddSeconds(1)), 8.5).Down;   // 7.5 s old: stale, and down for 7.5 s ≥ 5
        Assert.Equal([_down.Id], due.Select(d => d.Rule.Id));
        Assert.Equal(T0.AddSeconds(1), due[0].DownSince);
    }

    [Fact]
    public void ShortBlip_UnderTheDefaultTenSecondsAndNoDownAlert_RaisesNoUp()
    {
        NotificationRule[] onlyUp = [_up];
        Look(Health(StreamState.Failed, T0.AddSeconds(1)), 2, onlyUp);
        Assert.Empty(Look(Health(StreamState.InProgress, T0.AddSeconds(4)), 4.5, onlyUp).Up);
        Assert.Equal(0, _episodes.Open);
    }

    [Fact]
    public void DisabledPausedOrDeletedStreams_AreNotDown_AndEndTheirEpisodeWithoutUp()
    {
        Look(Health(StreamState.Failed, T0), 20);
        Assert.Empty(Look(Health(StreamState.Failed, T0) with { Enabled = false }, 21).Down);
        Assert.Equal(0, _episodes.Open);

        Look(Health(StreamState.Failed, T0), 22);
        Assert.Empty(Look(Health(StreamState.Paused, T0), 40).Down);
        Assert.Equal(0, _episodes.Open);

        Look(Health(StreamState.Failed, T0), 41);
        var (down, up) = _episodes.Observe([], Rules, T0.AddSeconds(60));
        Assert.Empty(down);
        Assert.Empty(up);
        Assert.Equal(0, _episodes.Open);
    }

    [Fact]
    public void AnOutageOlderThanTheWatcher_CountsFromWhenItStartedWatching()
    {
        var before = Health(StreamState.Failed, T0.AddHours(-1));
        Assert.Empty(Look(before, 4).Down);
        Assert.Equal([_down.Id], Look(before, 5).Down.Select(d => d.Rule.Id));
    }

    [Fact]
    public void RulesForOtherStreams_DoNotFire()
    {
        var other = Rule(AlertTrigger.StreamDown, downAfter: 1);
        other.Conditions = new RuleConditions { StreamIds = [Guid.NewGuid()], DownAfterSeconds = 1 };
        Assert.Empty(Look(Health(StreamState.Failed, T0), 10, [other]).Down);
    }

    private (List<StreamAlertDue> Down, List<StreamAlertDue> Up) Look(StreamHealth stream, double atSeconds, NotificationRule[]? rules = null) =>
        _episodes.Observe([stream], rules ?? Rules, T0.AddSeconds(atSeconds));

    private static StreamHealth Health(StreamState status, DateTimeOffset? lastFrame) =>
        new(Cam, "Front door", "Main st 1", true, status, lastFrame, status == StreamState.Failed ? "connection refused; reconnecting in 1 s" : null);

    private static NotificationRule Rule(AlertTrigger trigger, int? downAfter = null) => new()
    {
        Id = Guid.NewGuid(),
        Name = $"{trigger} {Guid.NewGuid():N}",
        Enabled = true,
        Trigger = trigger,
        Conditions = new RuleConditions { DownAfterSeconds = downAfter },
    };
}
