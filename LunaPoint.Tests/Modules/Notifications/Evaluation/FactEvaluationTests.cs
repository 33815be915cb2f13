using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>Facts published through the real host's mediator become alerts and outbox rows in the database.</summary>
public abstract class FactEvaluationTests(HostFixture fixture) : IAsyncLifetime
{
    private readonly EvaluationKit _kit = new(fixture.Factory.Services);

    public Task InitializeAsync() => _kit.ResetAsync();

    public Task DisposeAsync() => _kit.ResetAsync();

    [Fact]
    public async Task WatchlistMatched_RaisesOneAlertWithTheBestPassingCandidate_AndOneOutboxRowPerRecipient()
    {
        var staff = Guid.NewGuid();
        var rule = await _kit.AddRuleAsync(AlertTrigger.WatchlistMatch, new RuleConditions { ListIds = [staff] }, channels:
        [
            new ChannelSpec { Type = ChannelType.Console },
            new ChannelSpec { Type = ChannelType.Email, Recipients = ["a@example.invalid", "b@example.invalid"] },
            new ChannelSpec { Type = ChannelType.Webhook, Url = "http://hooks.invalid/alerts", Secret = "s3cret" },
        ]);
        var shot = EvaluationKit.Shot();
        var jane = EvaluationKit.Face("Jane Doe", listId: staff, similarity: 0.926);

        await _kit.PublishAsync(new WatchlistMatched(shot, [EvaluationKit.Face("Other", similarity: 0.97), jane]));

        var alert = Assert.Single(await _kit.AlertsAsync());
        Assert.Equal((rule.Id, AlertTrigger.WatchlistMatch, "Jane Doe (Staff, 92.6%) at Front door"), (alert.RuleId, alert.Trigger, alert.Title));
        Assert.Equal((shot.EventId, shot.TrackId, shot.StreamId, jane.FaceId, staff, "#00aa00"), (alert.EventId, alert.TrackId, alert.StreamId, alert.FaceId, alert.ListId, alert.ListColor));
        Assert.Equal(EvaluationKit.Jpeg, alert.FaceJpeg);
        Assert.Contains("Similarity: 92.6%", alert.Details);
        var rows = await _kit.DeliveriesAsync();
        Assert.Equal(
            ["console:console", "email:a@example.invalid", "email:b@example.invalid", "webhook:http://hooks.invalid/alerts"],
            rows.Select(r => $"{r.Channel.ToString().ToLowerInvariant()}:{r.Recipient}").Order());
        Assert.All(rows, r => Assert.Equal((alert.Id, rule.Id, false), (r.AlertId, r.RuleId, r.Escalation)));
    }

    [Fact]
    public async Task ListWithNotifyOff_RaisesNothing_AndListOrStreamFiltersPickTheirRules()
    {
        var front = Guid.NewGuid();
        var vip = Guid.NewGuid();
        var anyList = await _kit.AddRuleAsync(AlertTrigger.WatchlistMatch);
        var vipOnly = await _kit.AddRuleAsync(AlertTrigger.WatchlistMatch, new RuleConditions { ListIds = [vip] });
        var frontOnly = await _kit.AddRuleAsync(AlertTrigger.WatchlistMatch, new RuleConditions { StreamIds = [front] });

        await _kit.PublishAsync(new WatchlistMatched(EvaluationKit.Shot(front), [EvaluationKit.Face(listId: vip, notify: false)]));
        Assert.Empty(await _kit.AlertsAsync());

        await _kit.PublishAsync(new WatchlistMatched(EvaluationKit.Shot(front), [EvaluationKit.Face("Bob", listId: vip)]));
        Assert.Equal(new[] { anyList.Id, vipOnly.Id, frontOnly.Id }.Order(), (await _kit.AlertsAsync()).Select(a => a.RuleId).Order());

        await _kit.PublishAsync(new WatchlistMatched(EvaluationKit.Shot(Guid.NewGuid()), [EvaluationKit.Face("Eve")]));
        var eve = (await _kit.AlertsAsync()).Where(a => a.FaceName == "Eve").Select(a => a.RuleId);
        Assert.Equal([anyList.Id], eve);
    }

    [Fact]
    public async Task OnePersonLingering_IsOneAlert_AndAfterTheCooldownASecond()
    {
        await _kit.AddRuleAsync(AlertTrigger.WatchlistMatch, cooldownSeconds: 2);
        var jane = EvaluationKit.Face("Jane Doe");

        // Every new track of the same person (Events publishes once per track and face) within the cooldown.
        for (var i = 0; i < 5; i++)
        {
            await _kit.PublishAsync(new WatchlistMatched(EvaluationKit.Shot(), [jane]));
        }

        var first = Assert.Single(await _kit.AlertsAsync());
        Assert.Single(await _kit.DeliveriesAsync());

        await _kit.PublishAsync(new WatchlistMatched(EvaluationKit.Shot(), [EvaluationKit.Face("Bob")]));
        Assert.Equal(2, (await _kit.AlertsAsync()).Count); // the cooldown is per person

        await Poll.UntilAsync(async () =>
        {
            await _kit.PublishAsync(new WatchlistMatched(EvaluationKit.Shot(), [jane]));
            return (await _kit.AlertsAsync()).Count(a => a.FaceId == jane.FaceId) == 2;
        }, "a second alert for Jane once the cooldown ran out", TimeSpan.FromSeconds(30));
        var second = (await _kit.AlertsAsync()).Where(a => a.FaceId == jane.FaceId).MaxBy(a => a.CreatedAt)!;
        Assert.True(second.CreatedAt - first.CreatedAt >= TimeSpan.FromSeconds(2), $"second alert {second.CreatedAt:O} after first {first.CreatedAt:O}");
    }

    [Fact]
    public async Task WhilePaused_NothingIsRaised_AfterResumeAgain()
    {
        await _kit.AddRuleAsync(AlertTrigger.UnknownFace);
        await _kit.PauseAsync(until: null);

        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot()));
        Assert.Empty(await _kit.AlertsAsync());

        await _kit.ResumeAsync();
        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot()));
        Assert.Single(await _kit.AlertsAsync());

        // A pause that has already ended pauses nothing.
        await _kit.PauseAsync(until: DateTimeOffset.UtcNow.AddMinutes(-1));
        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot()));
        Assert.Equal(2, (await _kit.AlertsAsync()).Count);
    }

    [Fact]
    public async Task UnknownFace_AndSpoof_HonourAgeAndGender_WithTrackCooldown()
    {
        var unknown = await _kit.AddRuleAsync(AlertTrigger.UnknownFace, new RuleConditions { MinAge = 18, MaxAge = 40, Gender = "female" });
        var spoof = await _kit.AddRuleAsync(AlertTrigger.LivenessSpoof, cooldownSeconds: 3600);
        var track = Guid.NewGuid();

        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot(age: 50)));
        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot(age: null)));
        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot(gender: "male")));
        Assert.Empty(await _kit.AlertsAsync());

        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot(trackId: track, liveness: "spoof")));
        await _kit.PublishAsync(new WatchlistMatched(EvaluationKit.Shot(trackId: track, liveness: "spoof"), [EvaluationKit.Face()]));
        var alerts = await _kit.AlertsAsync();
        Assert.Equal([(unknown.Id, "Unknown face at Front door"), (spoof.Id, "Liveness spoof at Front door")],
            alerts.OrderBy(a => a.Trigger).Select(a => (a.RuleId, a.Title)));
        Assert.Equal("spoof", alerts.Single(a => a.RuleId == spoof.Id).Liveness);
    }

    [Fact]
    public async Task LicenceFacts_RaiseExpiringAndLimitAlerts()
    {
        var expiring = await _kit.AddRuleAsync(AlertTrigger.LicenseExpiring);
        var limit = await _kit.AddRuleAsync(AlertTrigger.LicenseLimitReached, cooldownSeconds: 3600);

        await _kit.PublishAsync(new LicenseExpiring("ACME", DateTimeOffset.UtcNow.AddDays(5), 5));
        await _kit.PublishAsync(new LicenseExpired("ACME", DateTimeOffset.UtcNow));
        await _kit.PublishAsync(new LicenseLimitReached("streams", "The licence allows 4 streams."));
        await _kit.PublishAsync(new LicenseLimitReached("streams", "The licence allows 4 streams.")); // cooled down per limit

        var alerts = await _kit.AlertsAsync();
        Assert.Equal(
            ["Licence limit reached: streams", "The licence expires in 5 day(s)", "The licence has expired: analysis is paused"],
            alerts.Select(a => a.Title).Order());
        Assert.Equal(2, alerts.Count(a => a.RuleId == expiring.Id));
        Assert.Contains("Days left: 0", alerts.Single(a => a.Title.Contains("expired")).Details);
        Assert.Equal("The licence allows 4 streams.", alerts.Single(a => a.RuleId == limit.Id).Details);
    }

    [Fact]
    public async Task OutsideTheSchedule_NothingIsRaised()
    {
        var now = DateTimeOffset.UtcNow;
        var tokyo = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        // A window that ends just before the current Tokyo time (or, just after midnight, starts after it).
        var current = TimeOnly.FromTimeSpan(tokyo.TimeOfDay);
        var window = current.Hour >= 1
            ? new RuleSchedule { From = new TimeOnly(0, 0), To = current.AddMinutes(-30), TimeZone = "Asia/Tokyo" }
            : new RuleSchedule { From = new TimeOnly(2, 0), To = new TimeOnly(3, 0), TimeZone = "Asia/Tokyo" };
        await _kit.AddRuleAsync(AlertTrigger.UnknownFace, new RuleConditions { Schedule = window });
        var inside = await _kit.AddRuleAsync(AlertTrigger.UnknownFace, new RuleConditions { Schedule = new RuleSchedule { Days = [tokyo.DayOfWeek], From = new TimeOnly(0, 0), To = new TimeOnly(23, 59, 59, 999), TimeZone = "Asia/Tokyo" } });

        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot() with { CapturedAt = now }));

        Assert.Equal([inside.Id], (await _kit.AlertsAsync()).Select(a => a.RuleId));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class FactEvaluationTestsOnPostgres(PostgresHostFixture fixture) : FactEvaluationTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class FactEvaluationTestsOnSqlite(SqliteHostFixture fixture) : FactEvaluationTests(fixture);
