using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>The escalation worker of the real host: unacknowledged alerts go to the escalation channels once; acknowledged ones never.</summary>
public abstract class EscalationTests(HostFixture fixture) : IAsyncLifetime
{
    private readonly EvaluationKit _kit = new(fixture.Factory.Services);

    public Task InitializeAsync() => _kit.ResetAsync();

    public Task DisposeAsync() => _kit.ResetAsync();

    [Fact]
    public async Task Unacknowledged_IsEscalatedOnce_Acknowledged_Never()
    {
        var rule = await _kit.AddRuleAsync(AlertTrigger.UnknownFace, escalateAfterSeconds: 4,
            escalation: [new ChannelSpec { Type = ChannelType.Email, Recipients = ["chief@example.invalid", "deputy@example.invalid"] }]);
        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot()));
        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot()));
        var alerts = await _kit.AlertsAsync();
        Assert.All(alerts, a => Assert.NotNull(a.EscalateAt));
        var (acknowledged, ignored) = (alerts[0].Id, alerts[1].Id);
        await AcknowledgeAsync(acknowledged);

        await Poll.UntilAsync(async () => (await _kit.AlertsAsync()).Single(a => a.Id == ignored).EscalatedAt is not null, "the ignored alert escalated", TimeSpan.FromSeconds(30));
        // A later alert escalated too proves the worker ran again after the first escalation.
        await _kit.PublishAsync(new UnknownFaceSeen(EvaluationKit.Shot()));
        var later = (await _kit.AlertsAsync()).Single(a => a.Id != acknowledged && a.Id != ignored).Id;
        await Poll.UntilAsync(async () => (await _kit.AlertsAsync()).Single(a => a.Id == later).EscalatedAt is not null, "the later alert escalated", TimeSpan.FromSeconds(30));

        var rows = await _kit.DeliveriesAsync();
        Assert.Equal(["chief@example.invalid", "deputy@example.invalid"], rows.Where(r => r.AlertId == ignored && r.Escalation).Select(r => r.Recipient).Order());
        Assert.All(rows.Where(r => r.Escalation), r => Assert.Equal((rule.Id, ChannelType.Email), (r.RuleId, r.Channel)));
        Assert.DoesNotContain(rows, r => r.AlertId == acknowledged && r.Escalation);
        Assert.Null((await _kit.AlertsAsync()).Single(a => a.Id == acknowledged).EscalatedAt);
    }

    /// <summary>What the panel's acknowledge endpoint does to the row.</summary>
    private async Task AcknowledgeAsync(Guid id)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var alert = await db.Alerts.SingleAsync(a => a.Id == id);
        alert.AcknowledgedAt = DateTimeOffset.UtcNow;
        alert.AcknowledgedBy = "operator";
        alert.EscalateAt = null;
        await db.SaveChangesAsync();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class EscalationTestsOnPostgres(PostgresHostFixture fixture) : EscalationTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class EscalationTestsOnSqlite(SqliteHostFixture fixture) : EscalationTests(fixture);
