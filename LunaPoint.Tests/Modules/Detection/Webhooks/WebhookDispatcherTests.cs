using System.Text;
using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;
using LunaPoint.Modules.Detection.Webhooks;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Tests.Modules.Detection.Webhooks;

/// <summary>
/// The outbox dispatcher in the real host against real HTTP receivers on loopback: delivered once with
/// both parts, retried with backoff while the receiver is down or failing, a hanging receiver holding up
/// nobody else, given up after GiveUpAfter, and denied addresses refused at connect.
/// </summary>
public abstract class WebhookDispatcherTests(WebhookHost fixture)
{
    private const string Sent = "lunapoint.detection.webhook.deliveries.sent";
    private const string Failed = "lunapoint.detection.webhook.deliveries.failed";
    private const string GivenUp = "lunapoint.detection.webhook.deliveries.given_up";

    private static readonly byte[] Face = File.ReadAllBytes(RepoPaths.Media("messi5.jpg"));

    private FakeTimeHost Host => fixture.Host;

    [Fact]
    public async Task Delivery_ReachesTheReceiverOnce_WithBothPartsAndTheDeliveryHeader()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var sentBefore = fixture.Count(Sent);

        // The clock stands still: only the outbox's wake-up can get this out.
        var (id, metadata) = await AddAsync(receiver.Url);
        await Poll.UntilAsync(async () => (await RowAsync(id)).DeliveredAt is not null, "the delivery never went out");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(id.ToString(), request.Delivery);
        Assert.StartsWith("LunaPoint", request.UserAgent);
        Assert.Collection(
            request.Parts,
            part =>
            {
                Assert.Equal(("metadata", "application/json; charset=utf-8"), (part.Name, part.ContentType));
                Assert.Equal(metadata, Encoding.UTF8.GetString(part.Body));
            },
            part =>
            {
                Assert.Equal(("face", "face.jpg", "image/jpeg"), (part.Name, part.FileName, part.ContentType));
                Assert.Equal(Face, part.Body);
            });
        Assert.Equal(1, (await RowAsync(id)).Attempts);
        Assert.Equal(sentBefore + 1, fixture.Count(Sent));

        // Ten minutes of rounds later, with another delivery through, the first was still sent only once.
        var (later, _) = await AddAsync(receiver.Url);
        await Host.AdvanceUntilAsync(TimeSpan.FromMinutes(10), async () => (await RowAsync(later)).DeliveredAt is not null, "the second delivery never went out");
        Assert.Single(receiver.Requests, r => r.Delivery == id.ToString());
    }

    [Fact]
    public async Task ReceiverDown_RetriesWithGrowingBackoff_MasksTheUrl_ThenDeliversOnceWhenBack()
    {
        var port = WebhookReceiver.FreePort();
        var url = $"http://hook-user:hook-secret@127.0.0.1:{port}/hook?token=abc123";
        var (id, _) = await AddAsync(url);

        await Poll.UntilAsync(async () => (await RowAsync(id)).Attempts >= 1, "no first attempt");
        var first = await RowAsync(id);
        Assert.Null(first.DeliveredAt);
        Assert.Contains("***", first.LastError);
        Assert.DoesNotContain("hook-secret", first.LastError);
        Assert.DoesNotContain("abc123", first.LastError);
        Assert.InRange(first.NextAttemptAt - Host.Time.GetUtcNow(), TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2));

        var second = await AttemptAgainAsync(first);
        var third = await AttemptAgainAsync(second);
        // 2 s, then 4 s, then 8 s, each up to 20% shorter.
        Assert.True(second.NextAttemptAt - first.NextAttemptAt >= TimeSpan.FromSeconds(3.2), $"second wait {second.NextAttemptAt - first.NextAttemptAt}");
        Assert.True(third.NextAttemptAt - second.NextAttemptAt >= TimeSpan.FromSeconds(6.4), $"third wait {third.NextAttemptAt - second.NextAttemptAt}");

        await using var receiver = await WebhookReceiver.StartAsync(port: port);
        await Host.AdvanceUntilAsync(Until(third.NextAttemptAt), async () => (await RowAsync(id)).DeliveredAt is not null, "never delivered once the receiver was back");

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/hook?token=abc123", request.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String("hook-user:hook-secret"u8.ToArray()), request.Authorization);
        Assert.Equal(4, (await RowAsync(id)).Attempts);
        Assert.DoesNotContain(Host.Parent.Logs.Lines, l => l.Message.Contains("hook-secret") || l.Message.Contains("abc123"));
    }

    [Fact]
    public async Task ReceiverFailingOnce_GetsTheDeliveryOnceAfterARetry()
    {
        await using var receiver = await WebhookReceiver.StartAsync(answer: i => i == 0 ? 500 : 200);
        var (id, _) = await AddAsync(receiver.Url);

        await Poll.UntilAsync(async () => (await RowAsync(id)).Attempts >= 1, "no first attempt");
        var failed = await RowAsync(id);
        Assert.Contains("HTTP 500", failed.LastError);
        Assert.Null(failed.DeliveredAt);
        await Host.AdvanceUntilAsync(Until(failed.NextAttemptAt), async () => (await RowAsync(id)).DeliveredAt is not null, "not delivered after the retry");

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(id.ToString(), r.Delivery));
        Assert.Equal(2, (await RowAsync(id)).Attempts);
    }

    [Fact]
    public async Task HangingReceiver_TimesOut_TakingOnlyItsShareOfSlots_WithoutHoldingUpAnotherReceiver()
    {
        await using var hanging = await WebhookReceiver.StartAsync(answer: _ => WebhookReceiver.Hang);
        await using var healthy = await WebhookReceiver.StartAsync();
        var slow = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            slow.Add((await AddAsync(hanging.Url)).Id);
        }

        await Poll.UntilAsync(() => hanging.Open == 2, "the hanging receiver never got its two requests");

        var (fast, _) = await AddAsync(healthy.Url);
        await Poll.UntilAsync(async () => (await RowAsync(fast)).DeliveredAt is not null, "the healthy receiver waited for the hanging one");

        // Four slots, half for one receiver: its other two rows wait instead of filling the rest.
        Assert.Equal(2, hanging.Open);
        Assert.Equal(2, hanging.Requests.Count);
        await Poll.UntilAsync(async () => (await RowsAsync(slow)).Count(r => r.Attempts == 1) == 2, "the hanging POSTs never timed out");
        var rows = await RowsAsync(slow);
        Assert.All(rows.Where(r => r.Attempts == 1), r => Assert.Contains($"no answer within {WebhookHost.Timeout.TotalSeconds:0} s", r.LastError));
        Assert.All(rows, r => Assert.Null(r.DeliveredAt));
        // The receiver now rests (backoff on the fake clock): its queued rows do not each wait out a timeout.
        Assert.Equal(2, rows.Count(r => r.Attempts == 0));
        Assert.Equal(2, hanging.Requests.Count);
    }

    [Fact]
    public async Task PastGiveUpAfter_TheDeliveryIsGivenUp_LoggedMasked_AndNeverTriedAgain()
    {
        var (id, _) = await AddAsync($"http://127.0.0.1:{WebhookReceiver.FreePort()}/gone?key=k3y-value");
        await Poll.UntilAsync(async () => (await RowAsync(id)).Attempts >= 1, "no first attempt");
        var givenUpBefore = fixture.Count(GivenUp);

        await Host.AdvanceUntilAsync(WebhookHost.GiveUpAfter + TimeSpan.FromMinutes(1), async () => (await RowAsync(id)).GaveUpAt is not null, "never given up");

        var givenUp = await RowAsync(id);
        Assert.Null(givenUp.DeliveredAt);
        // Other tests' leftovers to closed ports may be given up by the same jump: at least this one counted.
        Assert.True(fixture.Count(GivenUp) > givenUpBefore);
        var warning = Assert.Single(Host.Parent.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(id.ToString()));
        Assert.Contains("key=***", warning.Message);
        Assert.DoesNotContain("k3y-value", warning.Message);

        // A day on, with the dispatcher demonstrably running (another delivery goes through), no new attempt.
        await using var receiver = await WebhookReceiver.StartAsync();
        var (other, _) = await AddAsync(receiver.Url);
        await Host.AdvanceUntilAsync(TimeSpan.FromDays(1), async () => (await RowAsync(other)).DeliveredAt is not null, "the dispatcher stopped");
        Assert.Equal(givenUp.Attempts, (await RowAsync(id)).Attempts);
    }

    [Fact]
    public async Task ReceiverInADeniedRange_IsRefusedAtConnect_AndNeverReached()
    {
        await using var receiver = await WebhookReceiver.StartAsync(address: "127.0.0.2");
        using (var direct = new HttpClient(new SocketsHttpHandler { UseProxy = false }))
        {
            // The listener does answer: only the address policy can keep the dispatcher away from it.
            using var answer = await direct.PostAsync(receiver.Url, new StringContent("probe"));
            answer.EnsureSuccessStatusCode();
        }

        var failedBefore = fixture.Count(Failed);
        var (id, _) = await AddAsync(receiver.Url);
        await Poll.UntilAsync(async () => (await RowAsync(id)).Attempts >= 1, "no attempt");

        var refused = await RowAsync(id);
        Assert.Null(refused.DeliveredAt);
        Assert.Contains("refused", refused.LastError);
        Assert.Single(receiver.Requests);
        Assert.True(fixture.Count(Failed) > failedBefore);
    }

    private TimeSpan Until(DateTimeOffset at) => at > Host.Time.GetUtcNow() ? at - Host.Time.GetUtcNow() : TimeSpan.Zero;

    private async Task<WebhookDelivery> AttemptAgainAsync(WebhookDelivery previous)
    {
        await Host.AdvanceUntilAsync(Until(previous.NextAttemptAt), async () => (await RowAsync(previous.Id)).Attempts > previous.Attempts, "no further attempt");
        return await RowAsync(previous.Id);
    }

    private async Task<(Guid Id, string Metadata)> AddAsync(string url)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DetectionDbContext>();
        var (stream, track) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var metadata = $$"""{"streamId":"{{stream}}","trackId":"{{track}}","kind":"first","quality":0.82}""";
        var row = WebhookOutbox.Add(db, stream, track, url, metadata, Face, Host.Time.GetUtcNow());
        await db.SaveChangesAsync();
        return (row.Id, metadata);
    }

    private async Task<List<WebhookDelivery>> RowsAsync(List<Guid> ids)
    {
        var rows = new List<WebhookDelivery>();
        foreach (var id in ids)
        {
            rows.Add(await RowAsync(id));
        }

        return rows;
    }

    private async Task<WebhookDelivery> RowAsync(Guid id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DetectionDbContext>().WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == id);
    }
}

public sealed class WebhookDispatcherTestsOnPostgres(PostgresWebhookHost fixture) : WebhookDispatcherTests(fixture), IClassFixture<PostgresWebhookHost>;

public sealed class WebhookDispatcherTestsOnSqlite(SqliteWebhookHost fixture) : WebhookDispatcherTests(fixture), IClassFixture<SqliteWebhookHost>;
