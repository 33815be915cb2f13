using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;
using static LunaPoint.Tests.Modules.Notifications.Dispatch.DispatchKit;

namespace LunaPoint.Tests.Modules.Notifications.Dispatch;

/// <summary>
/// Alerts raised through AlertWriter and sent by the real dispatcher to real receivers on loopback:
/// signed, retried with the same delivery id, timed out and retried, refused for good, past the retry
/// period, to denied addresses and unknown names.
/// </summary>
public abstract partial class DispatchTests(DispatchHost fixture)
{
    private LunaPointFactory Factory => fixture.Factory;

    [Fact]
    public async Task ReceiverFailingTwice_GetsOneDeliverySentAfterThreeAttempts_SameIdAndValidSignatureEachTime()
    {
        using var meter = new SentCounter();
        await using var receiver = await HookReceiver.StartAsync(i => i < 2 ? 500 : 200);
        var rule = await AddRuleAsync(Factory, Webhook(receiver.Url));

        var (alertId, deliveries) = await RaiseAsync(Factory, rule);
        var id = Assert.Single(deliveries);
        await UntilStatusAsync(Factory, id, DeliveryStatus.Sent, "the delivery was never sent");

        var row = await RowAsync(Factory, id);
        Assert.Equal(3, row.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.Contains("HTTP 500", row.LastError);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.All(receiver.Requests, request =>
        {
            Assert.Equal(id.ToString(), request.Delivery);
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body)), request.Signature);
            Assert.StartsWith("application/json", request.ContentType);
            var body = JsonDocument.Parse(request.Body).RootElement;
            Assert.Equal(id, body.GetProperty("deliveryId").GetGuid());
            Assert.Equal(request.Timestamp, body.GetProperty("timestamp").GetInt64().ToString());
            Assert.Equal(alertId, body.GetProperty("alert").GetProperty("id").GetGuid());
            Assert.Equal("Jane Doe (Staff) at Front door", body.GetProperty("alert").GetProperty("title").GetString());
        });
        Assert.True(meter.Webhook >= 1, "the sent counter did not count the webhook delivery");
        Assert.DoesNotContain(Secret, row.Target.Secret ?? "", StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(row.Target.Secret));
    }

    [Fact]
    public async Task SecretTheHostCannotRead_IsDeadAtOnce_AndNothingIsSentUnsigned()
    {
        await using var receiver = await HookReceiver.StartAsync(_ => 200);
        var rule = await AddRawRuleAsync(Factory, Webhook(receiver.Url, "not-a-protected-payload"));

        var id = Assert.Single((await RaiseAsync(Factory, rule)).Deliveries);
        await UntilStatusAsync(Factory, id, DeliveryStatus.Dead, "not dead with an unreadable secret");

        var row = await RowAsync(Factory, id);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("secret cannot be read", row.LastError);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ReceiverNotAnswering_TimesOut_AndIsRetried()
    {
        await using var receiver = await HookReceiver.StartAsync(i => i == 0 ? HookReceiver.Hang : 204);
        var rule = await AddRuleAsync(Factory, Webhook(receiver.Url));

        var id = Assert.Single((await RaiseAsync(Factory, rule)).Deliveries);
        await UntilStatusAsync(Factory, id, DeliveryStatus.Sent, "not sent after the timeout");

        var row = await RowAsync(Factory, id);
        Assert.Equal(2, row.Attempts);
        Assert.Contains("no answer within 3 s", row.LastError);
        Assert.All(receiver.Requests, r => Assert.Equal(id.ToString(), r.Delivery));
    }

    [Fact]
    public async Task ReceiverAnswering410_IsDeadAtOnce_WithTheReason_AndTheQueryMasked()
    {
        await using var receiver = await HookReceiver.StartAsync(_ => 410);
        var rule = await AddRuleAsync(Factory, Webhook(receiver.Url));

        var id = Assert.Single((await RaiseAsync(Factory, rule)).Deliveries);
        await UntilStatusAsync(Factory, id, DeliveryStatus.Dead, "not dead after a 410");

        var row = await RowAsync(Factory, id);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("refused for good", row.LastError);
        Assert.Contains("HTTP 410", row.LastError);
        Assert.DoesNotContain("s3cr3t-query", row.LastError);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task RetryPeriodOver_TheFailingDeliveryBecomesADeadLetter()
    {
        await using var receiver = await HookReceiver.StartAsync(_ => 503, retryAfter: "0");
        var rule = await AddRuleAsync(Factory, Webhook(receiver.Url));
        var id = Assert.Single((await RaiseAsync(Factory, rule)).Deliveries);
        await Poll.UntilAsync(async () => (await RowAsync(Factory, id)).Attempts >= 1, "no first attempt");
        Assert.NotEqual(DeliveryStatus.Dead, (await RowAsync(Factory, id)).Status);

        // Raised eleven minutes ago with a ten-minute retry period: the next failure is the last.
        await BackdateAsync(Factory, id, TimeSpan.FromMinutes(11));
        await UntilStatusAsync(Factory, id, DeliveryStatus.Dead, "never given up");

        var row = await RowAsync(Factory, id);
        Assert.Contains("retried for 10 min", row.LastError);
        Assert.Contains("HTTP 503", row.LastError);
        Assert.Null(row.SentAt);
    }

    [Fact]
    public async Task MetadataAddressAndUnknownName_FailWithAClearReason_AndTheDispatcherGoesOn()
    {
        var rule = await AddRuleAsync(Factory, Webhook("http://169.254.169.254/latest/meta-data?key=k"), Webhook("http://hooks.example.invalid/hook"));
        var ids = (await RaiseAsync(Factory, rule)).Deliveries;
        await Poll.UntilAsync(async () => (await RowsAsync(Factory, ids)).All(r => r.Attempts >= 1), "no attempts");

        var rows = await RowsAsync(Factory, ids);
        var metadata = rows.Single(r => r.Recipient.Contains("169.254"));
        await UntilStatusAsync(Factory, metadata.Id, DeliveryStatus.Dead, "a policy refusal was not dead at once");
        metadata = await RowAsync(Factory, metadata.Id);
        Assert.Equal(1, metadata.Attempts);
        Assert.Contains("refused for good", metadata.LastError);
        Assert.Contains("denied addresses", metadata.LastError);
        var unknown = rows.Single(r => r.Recipient.Contains(".invalid"));
        Assert.NotEqual(DeliveryStatus.Sent, unknown.Status);
        Assert.Contains("hooks.example.invalid", unknown.LastError);

        var console = await AddRuleAsync(Factory, Console());
        var next = Assert.Single((await RaiseAsync(Factory, console)).Deliveries);
        await UntilStatusAsync(Factory, next, DeliveryStatus.Sent, "the dispatcher stopped after the refusals");
    }
}

public sealed class DispatchTestsOnPostgres(PostgresDispatchHost fixture) : DispatchTests(fixture), IClassFixture<PostgresDispatchHost>;

public sealed class DispatchTestsOnSqlite(SqliteDispatchHost fixture) : DispatchTests(fixture), IClassFixture<SqliteDispatchHost>;
