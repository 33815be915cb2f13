using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LunaPoint.Modules.Notifications.Channels.Email;

/// <summary>
/// One SMTP conversation per message: connect, authenticate when a user name is set, send, quit. Every
/// failure comes out as a <see cref="DeliveryFailedException"/> that says what the server said and never
/// the password (<see cref="SmtpFailures"/>).
/// </summary>
internal sealed class SmtpMailer
{
    public const string NotConfigured =
        "No SMTP server is configured: set LunaPoint:Notifications:Smtp:Host and From, or save the settings on the notification settings page.";

    public async Task SendAsync(SmtpConnectionSettings settings, MimeMessage message, CancellationToken cancellationToken)
    {
        if (!settings.IsConfigured)
        {
            // Retryable: an administrator may configure the server, and the alert should still go out then.
            throw new DeliveryFailedException(NotConfigured);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, SocketOptions(settings.Security), timeout.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"The SMTP server {settings.Host}:{settings.Port} did not answer within {settings.Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (SmtpFailures.Classify(ex, settings) is { } failure)
        {
            throw failure;
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
