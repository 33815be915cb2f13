using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Channels.Email;

/// <summary>Sends an alert e-mail to one recipient through the SMTP server in force (console settings, else configuration).</summary>
internal sealed class EmailSender(
    SmtpSettingsStore settings, SmtpMailer mailer, ISender sender, IOptionsMonitor<NotificationsOptions> options, ILogger<EmailSender> logger)
    : IChannelSender
{
    public ChannelType Channel => ChannelType.Email;

    public async Task SendAsync(Delivery delivery, Alert alert, CancellationToken cancellationToken)
    {
        var smtp = await settings.GetEffectiveAsync(cancellationToken);
        if (!smtp.IsConfigured)
        {
            throw new DeliveryFailedException(SmtpMailer.NotConfigured);
        }

        var current = options.CurrentValue;
        var images = new AlertImages(alert.FaceJpeg, await EnrolledPhotoAsync(alert, cancellationToken));
        var message = AlertMail.Build(delivery, alert, images, smtp.From!, AlertFacts.Zone(current.TimeZone), current.PublicBaseUrl);
        await mailer.SendAsync(smtp, message, cancellationToken);
    }

    /// <summary>The matched face's enrolled photo; the mail goes without it when Events cannot give it (face deleted since).</summary>
    private async Task<byte[]?> EnrolledPhotoAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (alert.FaceId is not { } faceId)
        {
            return null;
        }

        try
        {
            return (await sender.Send(new GetFacePhoto(faceId), cancellationToken))?.Jpeg;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The enrolled photo of face {FaceId} could not be read; alert {AlertId} is mailed without it", faceId, alert.Id);
            return null;
        }
    }
}
