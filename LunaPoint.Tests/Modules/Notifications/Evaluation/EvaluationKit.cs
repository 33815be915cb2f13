using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Tests.Platform;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Evaluation;

/// <summary>
/// Rules straight into the notifications schema (the rules REST is tested on its own), facts through the
/// host's real publisher, and the alerts and outbox rows they left.
/// </summary>
internal sealed class EvaluationKit(IServiceProvider services)
{
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9];

    public async Task ResetAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await db.Deliveries.ExecuteDeleteAsync();
        await db.Alerts.ExecuteDeleteAsync();
        await db.Cooldowns.ExecuteDeleteAsync();
        await db.Pause.ExecuteDeleteAsync();
        await db.Rules.ExecuteDeleteAsync();
        services.GetRequiredService<RuleCache>().Invalidate();
    }

    public async Task<NotificationRule> AddRuleAsync(AlertTrigger trigger, RuleConditions? conditions = null, int cooldownSeconds = 0,
        List<ChannelSpec>? channels = null, int? escalateAfterSeconds = null, List<ChannelSpec>? escalation = null)
    {
        var rule = new NotificationRule
        {
            Id = Guid.NewGuid(),
            Name = $"{trigger} {Guid.NewGuid():N}",
            Enabled = true,
            Trigger = trigger,
            Conditions = conditions ?? new RuleConditions(),
            Channels = channels ?? [new ChannelSpec { Type = ChannelType.Console }],
            CooldownSeconds = cooldownSeconds,
            EscalateAfterSeconds = escalateAfterSeconds,
            EscalationChannels = escalation ?? [],
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.Rules.Add(rule);
        await db.SaveChangesAsync();
        services.GetRequiredService<RuleCache>().Invalidate();
        return rule;
    }

    public async Task PauseAsync(DateTimeOffset? until)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.Pause.Add(new PauseState { PausedBy = "operator", PausedAt = DateTimeOffset.UtcNow, Until = until });
        await db.SaveChangesAsync();
        services.GetRequiredService<RuleCache>().Invalidate();
    }

    public async Task ResumeAsync()
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Pause.ExecuteDeleteAsync();
        services.GetRequiredService<RuleCache>().Invalidate();
    }

    /// <summary>Publishes as Events does and returns once the fact writer has finished with it.</summary>
    public async Task PublishAsync<T>(T fact)
        where T : INotification
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(fact);
        }

        var queue = services.GetRequiredService<FactQueue>();
        await Poll.UntilAsync(() => queue.IsIdle, $"the fact writer finished {typeof(T).Name}", TimeSpan.FromSeconds(30));
    }

    public async Task<List<Alert>> AlertsAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Alerts.AsNoTracking().ToListAsync();
    }

    public async Task<List<Delivery>> DeliveriesAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Deliveries.AsNoTracking().ToListAsync();
    }

    public static EventShot Shot(Guid? streamId = null, Guid? trackId = null, double? age = 34, string? gender = "female", string? liveness = "real") =>
        new(Guid.NewGuid(), streamId ?? Guid.NewGuid(), "Front door", "Main st 1", trackId ?? Guid.NewGuid(), DateTimeOffset.UtcNow,
            Jpeg, 0.9, age, gender, liveness, liveness is null ? null : 0.9);

    public static MatchedFace Face(string name = "Jane Doe", Guid? faceId = null, Guid? listId = null, string list = "Staff", double similarity = 0.93, bool notify = true) =>
        new(faceId ?? Guid.NewGuid(), name, "E-17", listId ?? Guid.NewGuid(), list, "#00aa00", notify, similarity);
}
