using LunaPoint.Modules.Notifications.Channels.Email;
using Mediator;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// The SMTP settings in force, for administrators. The password is write-only: only whether one is set.
/// <see cref="Source"/>: "console" when an administrator saved them, else "configuration".
/// </summary>
internal sealed record SmtpSettingsView(
    string? Host, int Port, string Security, string? UserName, bool HasPassword, string? From, int TimeoutSeconds,
    string Source, DateTimeOffset? UpdatedAt, string? UpdatedBy);

internal sealed record GetSmtpSettings : IQuery<SmtpSettingsView>;

internal sealed class GetSmtpSettingsHandler(SmtpSettingsStore store, IOptionsMonitor<NotificationsOptions> options) : IQueryHandler<GetSmtpSettings, SmtpSettingsView>
{
    public async ValueTask<SmtpSettingsView> Handle(GetSmtpSettings query, CancellationToken cancellationToken)
    {
        var timeout = options.CurrentValue.Smtp.TimeoutSeconds;
        if (await store.FindSavedAsync(cancellationToken) is { } saved)
        {
            return new SmtpSettingsView(
                saved.Host, saved.Port, saved.Security.ToString(), saved.UserName, saved.ProtectedPassword is not null, saved.From, timeout,
                "console", saved.UpdatedAt, saved.UpdatedBy);
        }

        var c = options.CurrentValue.Smtp;
        return new SmtpSettingsView(
            c.Host, c.Port, c.Security.ToString(), c.UserName, !string.IsNullOrEmpty(c.Password), c.From, timeout, "configuration", null, null);
    }
}
