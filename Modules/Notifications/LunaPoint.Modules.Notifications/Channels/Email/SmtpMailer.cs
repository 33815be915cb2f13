using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Network;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace LunaPoint.Modules.Notifications.Channels.Email;

/// <summary>
/// One SMTP conversation per message: connect, authenticate when a user name is set, send, quit. Every
/// failure comes out as a <see cref="DeliveryFailedException"/> that says what the server said and never
/// the password (<see cref="SmtpFailures"/>). The connection goes only to addresses the outbound address
/// policy allows (<see cref="SmtpEndpoint"/>).
/// </summary>
internal sealed class SmtpMailer(OutboundAddressPolicy policy)
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
            var host = SmtpEndpoint.Unbracket(settings.Host);
            var socket = await SmtpEndpoint.ConnectAsync(host, settings.Port, policy, timeout.Token);
            try
            {
                // The client owns the socket from here; disposing it twice on failure is harmless.
                await client.ConnectAsync(socket, host, settings.Port, SocketOptions(settings.Security), timeout.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryFailedException($"The SMTP server {settings.Host}:{settings.Port} timed out.");
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
