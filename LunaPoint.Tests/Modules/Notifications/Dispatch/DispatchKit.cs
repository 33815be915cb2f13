using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Dispatch;

/// <summary>Rules and alerts raised through the module's own AlertWriter, and the outbox as it stands.</summary>
internal static class DispatchKit
{
    public const string Secret = "hook-secret-1";

    /// <summary>Fast retries for tests; the webhook timeout is long enough to tell a hanging receiver from a slow machine.</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LunaPoint:Notifications:Dispatch:FirstRetrySeconds"] = "0.1",
            ["LunaPoint:Notifications:Dispatch:MaxRetrySeconds"] = "0.4",
            ["LunaPoint:Notifications:Dispatch:PollSeconds"] = "0.1",
            ["LunaPoint:Notifications:Dispatch:LeaseSeconds"] = "20",
            ["LunaPoint:Notifications:Dispatch:WebhookTimeoutSeconds"] = "3",
            ["LunaPoint:Notifications:Dispatch:RetryForMinutes"] = "10",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static ChannelSpec Webhook(string url, string? secret = Secret) => new() { Type = ChannelType.Webhook, Url = url, Secret = secret };

    public static ChannelSpec Console() => new() { Type = ChannelType.Console };

    public const string SecretPurpose = "LunaPoint.Notifications.WebhookSecret";

    /// <summary>Stores a rule as the rule writer would: webhook secrets protected with the host's keys.</summary>
    public static async Task<NotificationRule> AddRuleAsync(LunaPointFactory factory, params ChannelSpec[] channels)
    {
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(SecretPurpose);
        return await AddRawRuleAsync(factory, [.. channels.Select(c => c.Secret is null ? c : new ChannelSpec { Type = c.Type, Url = c.Url, Secret = protector.Protect(c.Secret) })]);
    }

    /// <summary>Stores the channels as given (a secret the host cannot unprotect, say).</summary>
    public static async Task<NotificationRule> AddRawRuleAsync(LunaPointFactory factory, params ChannelSpec[] channels)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = DateTimeOffset.UtcNow;
        var rule = new NotificationRule
        {
            Id = Guid.CreateVersion7(), Name = $"rule-{Guid.NewGuid():N}", Enabled = true, Trigger = AlertTrigger.WatchlistMatch,
            Channels = [.. channels], CreatedAt = now, UpdatedAt = now,
        };
        db.Rules.Add(rule);
        await db.SaveChangesAsync();
        return rule;
    }

    /// <summary>Raises one alert of <paramref name="rule"/> (no cooldown subject) and returns its outbox rows' ids.</summary>
    public static async Task<(Guid AlertId, List<Guid> Deliveries)> RaiseAsync(LunaPointFactory factory, NotificationRule rule, string title = "Jane Doe (Staff) at Front door")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<AlertWriter>();
        var now = DateTimeOffset.UtcNow;
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(), RuleId = rule.Id, RuleName = rule.Name, Trigger = rule.Trigger, OccurredAt = now, CreatedAt = now,
            Title = title, StreamName = "Front door", FaceName = "Jane Doe", ListName = "Staff", ListColor = "#ff0000", Similarity = 0.91,
        };
        Assert.True(await writer.RaiseAsync(rule, alert, null, CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return (alert.Id, await db.Deliveries.AsNoTracking().Where(d => d.AlertId == alert.Id).Select(d => d.Id).ToListAsync());
    }

    public static async Task<Delivery> RowAsync(LunaPointFactory factory, Guid id)
    {
        await using var db = ModuleContexts.Create("Notifications", factory.Database.Settings);
        return await db.Set<Delivery>().AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public static async Task<List<Delivery>> RowsAsync(LunaPointFactory factory, IEnumerable<Guid> ids)
    {
        var list = ids.ToList();
        await using var db = ModuleContexts.Create("Notifications", factory.Database.Settings);
        return await db.Set<Delivery>().AsNoTracking().Where(d => list.Contains(d.Id)).ToListAsync();
    }

    /// <summary>Moves a row's creation back in time: a delivery raised long ago whose retry period is over.</summary>
    public static async Task BackdateAsync(LunaPointFactory factory, Guid id, TimeSpan by)
    {
        await using var db = ModuleContexts.Create("Notifications", factory.Database.Settings);
        var row = await db.Set<Delivery>().SingleAsync(d => d.Id == id);
        db.Entry(row).Property(d => d.CreatedAt).CurrentValue = row.CreatedAt - by;
        await db.SaveChangesAsync();
    }

    public static Task UntilStatusAsync(LunaPointFactory factory, Guid id, DeliveryStatus status, string what, TimeSpan? timeout = null) =>
        LunaPoint.Tests.Platform.Poll.UntilAsync(async () => (await RowAsync(factory, id)).Status == status, what, timeout);

    public static DatabaseProvider[] Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];
}
