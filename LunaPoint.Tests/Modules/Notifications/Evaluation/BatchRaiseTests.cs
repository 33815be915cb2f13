using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>
/// The fact writer raises what queued up in one transaction: cooldowns hold within the batch as across
/// batches, and every raised alert gets its outbox rows in that same commit.
/// </summary>
public abstract class BatchRaiseTests(HostFixture fixture) : IAsyncLifetime
{
    private readonly EvaluationKit _kit = new(fixture.Factory.Services);

    public Task InitializeAsync() => _kit.ResetAsync();

    public Task DisposeAsync() => _kit.ResetAsync();

    [Fact]
    public async Task OneBatch_HonoursCooldownWithinIt_AndWritesEveryRaisedAlertsRows()
    {
        var lingering = await _kit.AddRuleAsync(AlertTrigger.UnknownFace, cooldownSeconds: 600);
        var jane = "face:" + Guid.NewGuid();
        var bob = "face:" + Guid.NewGuid();
        List<PendingAlert> pending = [Pending(lingering, jane), Pending(lingering, jane), Pending(lingering, bob), Pending(lingering, null)];

        IReadOnlyList<Alert> raised;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            raised = await scope.ServiceProvider.GetRequiredService<AlertWriter>().RaiseManyAsync(pending, CancellationToken.None);
        }

        // Jane's second alert is inside her cooldown, set by the first in the same batch; no subject, no cooldown.
        Assert.Equal([pending[0].Alert.Id, pending[2].Alert.Id, pending[3].Alert.Id], raised.Select(a => a.Id));
        Assert.Equal(raised.Select(a => a.Id).Order(), (await _kit.AlertsAsync()).Select(a => a.Id).Order());
        Assert.Equal(raised.Select(a => a.Id).Order(), (await _kit.DeliveriesAsync()).Select(d => d.AlertId).Order());

        // The next batch still sees Jane's mark in the database.
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<AlertWriter>().RaiseManyAsync([Pending(lingering, jane)], CancellationToken.None);
            Assert.Empty(again);
        }
    }

    private static PendingAlert Pending(NotificationRule rule, string? subject) => new(rule, new Alert
    {
        Id = Guid.NewGuid(), RuleId = rule.Id, RuleName = rule.Name, Trigger = rule.Trigger, Title = "batch " + subject,
        OccurredAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
    }, subject);
}

[Collection(PostgresCollection.Name)]
public sealed class BatchRaiseTestsOnPostgres(PostgresHostFixture fixture) : BatchRaiseTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class BatchRaiseTestsOnSqlite(SqliteHostFixture fixture) : BatchRaiseTests(fixture);
