using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static LunaPoint.Tests.Modules.Notifications.Dispatch.DispatchKit;

namespace LunaPoint.Tests.Modules.Notifications.Dispatch;

/// <summary>Hosts that stop with rows pending, and several hosts dispatching one PostgreSQL outbox side by side.</summary>
public sealed class RestartAndScaleOutTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task HostStoppedWithRowsPending_TheNextHostSendsEachExactlyOnce(DatabaseProvider provider)
    {
        await using var receiver = await HookReceiver.StartAsync();
        var database = await TestDatabase.CreateAsync(provider);
        var ids = new List<Guid>();
        // The first host raises alerts but dispatches nothing (its workers are off), then stops.
        await using (var first = await StartAsync(database, Settings(("Modules:Notifications:Workers:Enabled", "false"))))
        {
            var rule = await AddRuleAsync(first, Webhook(receiver.Url), Console());
            for (var i = 0; i < 5; i++)
            {
                ids.AddRange((await RaiseAsync(first, rule)).Deliveries);
            }

            Assert.All(await RowsAsync(first, ids), r => Assert.Equal(DeliveryStatus.Pending, r.Status));
            database.KeepOnDispose = true;
        }

        database.KeepOnDispose = false;
        await using var second = await StartAsync(database, Settings());
        await Poll.UntilAsync(async () => (await RowsAsync(second, ids)).All(r => r.Status == DeliveryStatus.Sent), "the pending rows were not resumed");

        // Another alert through proves the dispatcher went round again; the first ones still went once each.
        var later = await AddRuleAsync(second, Webhook(receiver.Url));
        var next = Assert.Single((await RaiseAsync(second, later)).Deliveries);
        await UntilStatusAsync(second, next, DeliveryStatus.Sent, "the later alert was not sent");
        var webhookRows = (await RowsAsync(second, ids)).Where(r => r.Channel == ChannelType.Webhook).ToList();
        Assert.Equal(5, webhookRows.Count);
        Assert.All(webhookRows, r => Assert.Equal(1, receiver.CountOf(r.Id)));
        Assert.All(await RowsAsync(second, ids), r => Assert.Equal(1, r.Attempts));
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task HostStoppingWithASendInFlight_FinishesAndRecordsIt(DatabaseProvider provider)
    {
        await using var receiver = await HookReceiver.StartAsync(_ => HookReceiver.Held);
        var database = await TestDatabase.CreateAsync(provider);
        database.KeepOnDispose = true;
        var host = await StartAsync(database, Settings());
        var rule = await AddRuleAsync(host, Webhook(receiver.Url));
        var id = Assert.Single((await RaiseAsync(host, rule)).Deliveries);
        await Poll.UntilAsync(() => receiver.Open == 1, "the send never started");

        // The host stops while the receiver still holds the POST; it answers only once the stop has begun.
        var stopBegan = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var stopping = host.DisposeAsync().AsTask();
        await Poll.UntilAsync(() => stopBegan.IsCancellationRequested, "the host never began to stop");
        Assert.False(stopping.IsCompleted, "the host stopped without waiting for the send in flight");
        receiver.Release();
        await stopping;

        await using var db = ModuleContexts.Create("Notifications", database.Settings);
        var row = await db.Set<Delivery>().AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal(1, receiver.CountOf(id));
        database.KeepOnDispose = false;
        await database.DisposeAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task StuckWebhookLane_DoesNotDelayTheConsole(DatabaseProvider provider)
    {
        await using var hanging = await HookReceiver.StartAsync(_ => HookReceiver.Hang);
        // A timeout far beyond the test, so the webhook lane stays full throughout; a short shutdown cuts it at the end.
        await using var host = await StartAsync(await TestDatabase.CreateAsync(provider), Settings(
            ("LunaPoint:Notifications:Dispatch:WebhookTimeoutSeconds", "600"), ("LunaPoint:Notifications:Dispatch:LeaseSeconds", "900"),
            ("LunaPoint:ShutdownTimeoutSeconds", "2")));
        var webhookRule = await AddRuleAsync(host, Webhook(hanging.Url));
        var stuck = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            stuck.AddRange((await RaiseAsync(host, webhookRule)).Deliveries);
        }

        await Poll.UntilAsync(() => hanging.Open == 8, "the webhook lane never filled its eight slots");

        var console = await AddRuleAsync(host, Console());
        var id = Assert.Single((await RaiseAsync(host, console)).Deliveries);
        await UntilStatusAsync(host, id, DeliveryStatus.Sent, "the console waited for the webhook lane");

        Assert.Equal(8, hanging.Open);
        Assert.All(await RowsAsync(host, stuck), r => Assert.Equal(0, r.Attempts));
    }

    [Fact]
    public async Task TwoDispatchersOnOnePostgres_SendEachOf200RowsExactlyOnce()
    {
        await using var receiver = await HookReceiver.StartAsync();
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var settings = Settings(("LunaPoint:Notifications:Dispatch:BatchSize", "5"));
        await using var first = await StartAsync(database, settings);
        database.KeepOnDispose = true;
        var second = await StartAsync(database, settings);
        try
        {
            var rule = await AddRuleAsync(first, Webhook(receiver.Url));
            var ids = new List<Guid>();
            for (var i = 0; i < 200; i++)
            {
                // Raised through both hosts in turn, so both are woken and both claim.
                ids.AddRange((await RaiseAsync(i % 2 == 0 ? first : second, rule)).Deliveries);
            }

            await Poll.UntilAsync(async () => (await RowsAsync(first, ids)).All(r => r.Status == DeliveryStatus.Sent), "not all 200 rows were sent", TimeSpan.FromMinutes(2));

            Assert.Equal(200, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Equal(1, receiver.CountOf(id)));
            Assert.Equal(200, receiver.Requests.Count);
            Assert.All(await RowsAsync(first, ids), r => Assert.Equal(1, r.Attempts));
        }
        finally
        {
            // The second host leaves the database to the first, which drops it.
            await second.DisposeAsync();
            database.KeepOnDispose = false;
        }
    }

    private static async Task<LunaPointFactory> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?> settings)
    {
        var factory = new LunaPointFactory(database, settings);
        _ = factory.Server;
        await factory.WaitUntilReadyAsync();
        return factory;
    }
}
