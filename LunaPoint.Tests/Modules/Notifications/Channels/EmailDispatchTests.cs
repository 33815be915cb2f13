using System.Net;
using System.Net.Http.Json;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

/// <summary>The e-mail channel under the real dispatcher: an alert raised while the SMTP server is down arrives once it is up, exactly once.</summary>
public abstract class EmailDispatchTests(ChannelsHost host)
{
    [Fact]
    public async Task Alert_RaisedWhileSmtpIsDown_ArrivesExactlyOnceWhenItIsStarted()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        await server.StopAsync();
        try
        {
            using var saved = await host.Admin.PutAsJsonAsync("/api/v1/notifications/smtp",
                new { host = "127.0.0.1", port = server.Port, security = "None", userName = "", password = "", from = ChannelsHost.From });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var to = $"guard-{Guid.NewGuid():N}@example.com";
            var rule = new NotificationRule
            {
                Id = Guid.NewGuid(), Name = $"mail-{Guid.NewGuid():N}", Enabled = true, Trigger = AlertTrigger.WatchlistMatch,
                Channels = [new ChannelSpec { Type = ChannelType.Email, Recipients = [to] }],
            };
            var sample = AlertSamples.Match();
            var alert = new Alert
            {
                Id = sample.Id, RuleId = rule.Id, RuleName = rule.Name, Trigger = sample.Trigger, OccurredAt = sample.OccurredAt,
                CreatedAt = DateTimeOffset.UtcNow, Title = sample.Title, StreamName = sample.StreamName, FaceName = sample.FaceName, Similarity = sample.Similarity,
            };
            await using (var scope = host.Factory.Services.CreateAsyncScope())
            {
                Assert.True(await scope.ServiceProvider.GetRequiredService<AlertWriter>().RaiseAsync(rule, alert, null, CancellationToken.None));
            }

            var failed = await WaitForRowAsync(alert.Id, d => d.Attempts >= 1 && d.Status == DeliveryStatus.Failed);
            Assert.Contains($"127.0.0.1:{server.Port}", failed.LastError);

            await server.StartAsync();
            var sent = await WaitForRowAsync(alert.Id, d => d.Status == DeliveryStatus.Sent);

            var messages = (await server.WaitForAsync(1)).Where(m => m.MessageId == $"{sent.Id:N}@lunapoint.test").ToList();
            Assert.Single(messages);
            Assert.Equal(1, server.Count);
        }
        finally
        {
            await host.UseLoopbackSmtpAsync();
        }
    }

    private async Task<Delivery> WaitForRowAsync(Guid alertId, Func<Delivery, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        Delivery? row = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            row = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.AlertId == alertId);
            if (row is not null && done(row))
            {
                return row;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the outbox row of alert {alertId} did not get there: {row?.Status} after {row?.Attempts} attempt(s), {row?.LastError}");
        return null!;
    }
}

[Collection(PostgresChannelsCollection.Name)]
public sealed class PostgresEmailDispatchTests(PostgresChannelsHost host) : EmailDispatchTests(host);

[Collection(SqliteChannelsCollection.Name)]
public sealed class SqliteEmailDispatchTests(SqliteChannelsHost host) : EmailDispatchTests(host);
