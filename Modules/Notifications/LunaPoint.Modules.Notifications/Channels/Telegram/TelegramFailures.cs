using LunaPoint.Modules.Notifications.Dispatch;
using Telegram.Bot.Exceptions;

namespace LunaPoint.Modules.Notifications.Channels.Telegram;

/// <summary>
/// Sorts Bot API failures: 429 → retry after the API's retry_after; 5xx and network errors → retry;
/// 400 (chat not found, bad request) and 403 (bot blocked or kicked) → permanent, retrying cannot help;
/// 401 (token revoked) → retry, an administrator can fix the token. The bot token sits in every request's
/// URL path, so it is cut out of every reason.
/// </summary>
internal static class TelegramFailures
{
    public static DeliveryFailedException? Classify(Exception ex, string token, CancellationToken cancellationToken)
    {
        if (ex is DeliveryFailedException || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return ex switch
        {
            ApiRequestException { ErrorCode: 429 } api => new DeliveryFailedException(
                Mask($"Telegram asked to slow down (429): {api.Message}", token),
                retryAfter: api.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
            ApiRequestException { ErrorCode: 400 or 403 } api => new DeliveryFailedException(
                Mask($"Telegram refused the message ({api.ErrorCode}): {api.Message}", token), permanent: true),
            ApiRequestException { ErrorCode: 401 or 404 } api => new DeliveryFailedException(
                Mask($"Telegram refused the bot token ({api.ErrorCode}): {api.Message}. Check LunaPoint:Notifications:Telegram:BotToken.", token)),
            ApiRequestException api => new DeliveryFailedException(Mask($"Telegram answered {api.ErrorCode}: {api.Message}", token)),
            RequestException or HttpRequestException or IOException or OperationCanceledException => new DeliveryFailedException(
                Mask($"The Telegram Bot API could not be reached: {Describe(ex)}", token)),
            _ => null,
        };
    }

    /// <summary>The exception's message with those of its causes (connection refused is two levels down).</summary>
    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null && messages.Count < 3; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" — ", messages.Distinct());
    }

    public static string Mask(string text, string token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, "***", StringComparison.Ordinal);
}
