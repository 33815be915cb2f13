using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Channels.Email;
using LunaPoint.Modules.Notifications.Dispatch;
using Mediator;
using MimeKit;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>What a test e-mail did: sent, or why not (<see cref="Reason"/> quotes the server, never the password).</summary>
internal sealed record TestEmailResult(bool Sent, string To, string? Server, string? Reason, bool Permanent);

/// <summary>Sends a short e-mail now with the settings in force, so an administrator sees at once whether they work.</summary>
internal sealed record SendTestEmail(string? To) : ICommand<TestEmailResult>;

internal sealed class SendTestEmailHandler(SmtpSettingsStore store, SmtpMailer mailer, ISender sender, TimeProvider clock)
    : ICommandHandler<SendTestEmail, TestEmailResult>
{
    public async ValueTask<TestEmailResult> Handle(SendTestEmail command, CancellationToken cancellationToken)
    {
        var to = command.To!.Trim();
        var settings = await store.GetEffectiveAsync(cancellationToken);
        var server = settings.IsConfigured ? $"{settings.Host}:{settings.Port}" : null;
        TestEmailResult result;
        try
        {
            await mailer.SendAsync(settings, Message(settings, to), cancellationToken);
            result = new TestEmailResult(true, to, server, null, false);
        }
        catch (DeliveryFailedException failure)
        {
            // A policy refusal is retried for alerts (the settings may change), but as a test result it is the settings' fault: 422.
            var permanent = failure.Permanent || !settings.IsConfigured || failure.InnerException is SmtpAddressRefusedException;
            result = new TestEmailResult(false, to, server, failure.Message, permanent);
        }

        await sender.Send(new RecordAuditEntry(NotificationsModule.Name, "smtp.testSent", result.Sent, Target: $"test e-mail to {to}",
            After: new { result.Server, result.Reason }), cancellationToken);
        return result;
    }

    private MimeMessage Message(SmtpConnectionSettings settings, string to)
    {
        var message = new MimeMessage { Subject = "LunaPoint test e-mail", Date = clock.GetUtcNow() };
        if (settings.IsConfigured)
        {
            message.From.Add(MailboxAddress.Parse(settings.From));
        }

        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder
        {
            TextBody = $"This is a test e-mail from LunaPoint, sent through {settings.Host}:{settings.Port}. Alert e-mails will arrive the same way.",
        }.ToMessageBody();
        return message;
    }
}
