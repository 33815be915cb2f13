using System.Diagnostics;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

public abstract class TelegramSenderTests(ChannelsHost host)
{
    private static string NewChat() => Random.Shared.NextInt64(1_000_000, 9_000_000_000).ToString();

    [Fact]
    public async Task Send_WithCrop_PostsSendPhotoWithTheCropAndAnEscapedCaption()
    {
        var chat = NewChat();
        var crop = AlertSamples.Jpeg(7);
        var alert = AlertSamples.Match(crop: crop, faceName: AlertSamples.HostileName);

        await host.SendAsync(ChannelType.Telegram, AlertSamples.To(alert, ChannelType.Telegram, chat), alert);

        var call = Assert.Single(host.Telegram.CallsTo(chat));
        Assert.Equal("sendPhoto", call.Method);
        Assert.Equal(ChannelsHost.BotToken, call.Token);
        Assert.Equal(crop, call.Photo);
        Assert.Equal("HTML", call.ParseMode, ignoreCase: true);
        Assert.NotNull(call.Caption);
        Assert.True(call.Caption.Length <= 1024, call.Caption);
        Assert.DoesNotContain("<script>", call.Caption);
        Assert.Contains("&lt;script&gt;", call.Caption);
        foreach (var value in new[] { "Staff", "87.3%", "Front door", "2026-07-01 12:15:30", $"/events/{alert.EventId}" })
        {
            Assert.Contains(value, call.Caption);
        }
    }

    [Fact]
    public async Task Send_WithoutCrop_PostsSendMessage()
    {
        var chat = NewChat();
        var alert = AlertSamples.Match();

        await host.SendAsync(ChannelType.Telegram, AlertSamples.To(alert, ChannelType.Telegram, chat), alert);

        var call = Assert.Single(host.Telegram.CallsTo(chat));
        Assert.Equal("sendMessage", call.Method);
        Assert.Contains("Jane Doe", call.Text);
    }

    [Fact]
    public async Task Send_Answered429_FailsWithRetryAfterThenIsDeliveredOnce()
    {
        var chat = NewChat();
        host.Telegram.Answer = (c, index) => c == chat && index == 0 ? TelegramStandIn.TooManyRequests(1) : null;
        var alert = AlertSamples.Match(crop: AlertSamples.Jpeg(2));
        var delivery = AlertSamples.To(alert, ChannelType.Telegram, chat);

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() => host.SendAsync(ChannelType.Telegram, delivery, alert));
        Assert.False(failure.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        Assert.DoesNotContain(ChannelsHost.BotToken, failure.ToString());

        // The dispatcher comes back after retry_after; the stand-in accepts the second try.
        await host.SendAsync(ChannelType.Telegram, delivery, alert);
        var calls = host.Telegram.CallsTo(chat);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("sendPhoto", c.Method));
    }

    [Theory]
    [InlineData(400, "Bad Request: chat not found", true)]
    [InlineData(403, "Forbidden: bot was blocked by the user", true)]
    [InlineData(500, "Internal Server Error", false)]
    [InlineData(502, "Bad Gateway", false)]
    public async Task Send_ApiError_IsClassified(int status, string description, bool permanent)
    {
        var chat = NewChat();
        host.Telegram.Answer = (c, _) => c == chat ? TelegramStandIn.Error(status, description) : null;
        var alert = AlertSamples.Match();

        var failure = await Assert.ThrowsAsync<DeliveryFailedException>(() =>
            host.SendAsync(ChannelType.Telegram, AlertSamples.To(alert, ChannelType.Telegram, chat), alert));

        Assert.Equal(permanent, failure.Permanent);
        Assert.Contains(description, failure.Message);
        Assert.DoesNotContain(ChannelsHost.BotToken, failure.ToString());
        Assert.DoesNotContain(host.Factory.Logs.Lines, l => l.Message.Contains(ChannelsHost.BotToken) || (l.Exception?.ToString().Contains(ChannelsHost.BotToken) ?? false));
    }

    [Fact]
    public async Task Send_TwoMessagesToOneChat_AreSpacedByThePerChatLimit()
    {
        var chat = NewChat();
        var first = AlertSamples.Match();
        var second = AlertSamples.Match();

        await Task.WhenAll(
            host.SendAsync(ChannelType.Telegram, AlertSamples.To(first, ChannelType.Telegram, chat), first),
            host.SendAsync(ChannelType.Telegram, AlertSamples.To(second, ChannelType.Telegram, chat), second));

        var calls = host.Telegram.CallsTo(chat).OrderBy(c => c.At).ToList();
        Assert.Equal(2, calls.Count);
        // The limit is one a second per chat; the gap is measured at the stand-in, so allow for clock jitter only.
        var gap = Stopwatch.GetElapsedTime(calls[0].At, calls[1].At);
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"two messages to one chat {gap.TotalMilliseconds:0} ms apart");
    }
}

[Collection(PostgresChannelsCollection.Name)]
public sealed class PostgresTelegramSenderTests(PostgresChannelsHost host) : TelegramSenderTests(host);

[Collection(SqliteChannelsCollection.Name)]
public sealed class SqliteTelegramSenderTests(SqliteChannelsHost host) : TelegramSenderTests(host);
