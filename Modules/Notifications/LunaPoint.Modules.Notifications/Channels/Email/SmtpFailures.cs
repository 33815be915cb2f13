using System.Net.Sockets;
using LunaPoint.Modules.Notifications.Dispatch;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace LunaPoint.Modules.Notifications.Channels.Email;

/// <summary>
/// Sorts SMTP failures: a server that is down, slow or answers 4xx may work later (retry); a 5xx refusal of
/// the recipient or the message will not (permanent); a refused login is retried, because an
/// administrator can fix the credentials while the alert waits. Reasons quote the server's reply, which
/// never holds our password (MailKit sends it encoded and the server does not echo it).
/// </summary>
internal static class SmtpFailures
{
    public static DeliveryFailedException? Classify(Exception ex, SmtpConnectionSettings settings)
    {
        var server = $"{settings.Host}:{settings.Port}";
        return ex switch
        {
            DeliveryFailedException => null,
            AuthenticationException => new DeliveryFailedException(
                $"The SMTP server {server} refused the login of user '{settings.UserName}' ({Reply(ex.Message)}): check the user name and password.", inner: ex),
            SmtpCommandException command => FromCommand(command, server),
            SslHandshakeException => new DeliveryFailedException($"The TLS handshake with the SMTP server {server} failed: check Security ({settings.Security}) and the server's certificate.", inner: ex),
            // Retryable like a server that is down: an administrator may change the settings or the policy.
            SmtpAddressRefusedException => new DeliveryFailedException($"The SMTP server {server} is {ex.Message}.", inner: ex),
            // Short on purpose: no socket error codes or foreign banners, so the test e-mail is no port scanner.
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } =>
                new DeliveryFailedException($"The SMTP server name {settings.Host} could not be resolved.", inner: ex),
            SocketException or ArgumentException => new DeliveryFailedException($"Could not connect to the SMTP server {server}.", inner: ex),
            TimeoutException => new DeliveryFailedException($"The SMTP server {server} timed out.", inner: ex),
            IOException => new DeliveryFailedException($"The connection to the SMTP server {server} was lost.", inner: ex),
            SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException =>
                new DeliveryFailedException($"The server at {server} did not answer as an SMTP server.", inner: ex),
            _ => null,
        };
    }

    private static DeliveryFailedException FromCommand(SmtpCommandException command, string server)
    {
        var code = (int)command.StatusCode;
        var reply = $"{code} {Reply(command.Message)}";
        // 5xx is the server's final word on this recipient or message; 4xx (mailbox busy, greylisting) is not.
        var permanent = code >= 500 && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
        var what = command.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"refused the recipient {command.Mailbox?.Address}",
            SmtpErrorCode.SenderNotAccepted => $"refused the sender {command.Mailbox?.Address}",
            SmtpErrorCode.MessageNotAccepted => "refused the message",
            _ => "answered with an error",
        };
        return new DeliveryFailedException($"The SMTP server {server} {what}: {reply}", permanent, inner: command);
    }

    /// <summary>The server's words, on one line and short enough for the delivery log.</summary>
    private static string Reply(string message)
    {
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
