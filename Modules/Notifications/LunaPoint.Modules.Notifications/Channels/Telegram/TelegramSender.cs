using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LunaPoint.Modules.Notifications.Channels.Telegram;

/// <summary>
/// Sends an alert to one Telegram chat: sendPhoto with the face crop and the caption, or sendMessage when
/// the alert has no crop (a stream went down). Waits for the rate limiter's slot first.
/// </summary>
internal sealed class TelegramSender(
    IHttpClientFactory httpClients, TelegramRateLimiter limiter, IOptionsMonitor<NotificationsOptions> options) : IChannelSender
{
    public const string HttpClientName = "LunaPoint.Notifications.Telegram";

    public ChannelType Channel => ChannelType.Telegram;

    public async Task SendAsync(Delivery delivery, Alert alert, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var token = current.Telegram.BotToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new DeliveryFailedException("No Telegram bot token is configured (LunaPoint:Notifications:Telegram:BotToken).");
        }

        var client = CreateClient(token, current.Telegram.ApiBaseUrl);
        var chat = ChatOf(delivery.Recipient);
        var zone = AlertFacts.Zone(current.TimeZone);
        try
        {
            await limiter.RunAsync(delivery.Recipient, async ct =>
            {
                if (alert.FaceJpeg is { Length: > 0 } crop)
                {
                    using var photo = new MemoryStream(crop, writable: false);
                    var caption = TelegramCaption.Build(alert, delivery.Escalation, zone, current.PublicBaseUrl, TelegramCaption.PhotoCaptionLimit);
                    return await client.SendPhoto(chat, InputFile.FromStream(photo, "face.jpg"), caption, ParseMode.Html, cancellationToken: ct);
                }

                var text = TelegramCaption.Build(alert, delivery.Escalation, zone, current.PublicBaseUrl, TelegramCaption.MessageLimit);
                return await client.SendMessage(chat, text, ParseMode.Html, cancellationToken: ct);
            }, cancellationToken);
        }
        catch (Exception ex) when (TelegramFailures.Classify(ex, token, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private TelegramBotClient CreateClient(string token, string? apiBaseUrl)
    {
        TelegramBotClientOptions clientOptions;
        try
        {
            clientOptions = new TelegramBotClientOptions(token, string.IsNullOrWhiteSpace(apiBaseUrl) ? null : apiBaseUrl);
        }
        catch (ArgumentException)
        {
            // The library's message would quote the token; ours says what is wrong without it.
            throw new DeliveryFailedException("The Telegram bot token or ApiBaseUrl is not in the expected form (a token looks like 123456:ABC-DEF…).");
        }

        // No silent retries inside the library: a 429 must reach the dispatcher with its retry_after.
        clientOptions.RetryCount = 0;
        clientOptions.RetryThreshold = 0;
        return new TelegramBotClient(clientOptions, httpClients.CreateClient(HttpClientName));
    }

    /// <summary>Numeric ids (-100… for groups and channels) or @channelusername.</summary>
    private static ChatId ChatOf(string recipient) =>
        long.TryParse(recipient, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? new ChatId(id)
            : new ChatId(recipient);
}
