using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Channels.Email;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Security;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// Saves the SMTP settings the console uses instead of configuration. An empty <see cref="Password"/>
/// keeps the stored one (the form never shows it back) only while host, port, security and user name stay
/// the same: otherwise whoever can save settings could point them at a server of their own and have the
/// test e-mail log in there with the kept password. An empty <see cref="UserName"/> means no login, and
/// drops the stored password with it. The timeout is configuration's (unknown properties are refused).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record UpdateSmtpSettings(string? Host, int? Port, string? Security, string? UserName, string? Password, string? From)
    : ICommand<SmtpSettingsView>
{
    // A record's generated ToString would print the password in the mediator's logs.
    public override string ToString() => $"UpdateSmtpSettings {{ Host = {Host}, Port = {Port}, Security = {Security}, UserName = {UserName}, From = {From} }}";
}

internal sealed class UpdateSmtpSettingsHandler(
    NotificationsDbContext db, SmtpSettingsStore store, ICurrentActor actor, ISender sender, TimeProvider clock)
    : ICommandHandler<UpdateSmtpSettings, SmtpSettingsView>
{
    public async ValueTask<SmtpSettingsView> Handle(UpdateSmtpSettings command, CancellationToken cancellationToken)
    {
        var before = await sender.Send(new GetSmtpSettings(), cancellationToken);
        var record = await store.FindSavedAsync(cancellationToken);
        var host = command.Host!.Trim();
        var port = command.Port!.Value;
        var security = Enum.Parse<SmtpSecurity>(command.Security!, ignoreCase: true);
        var userName = string.IsNullOrWhiteSpace(command.UserName) ? null : command.UserName.Trim();
        var passwordChanged = !string.IsNullOrEmpty(command.Password);
        var sameLogin = record is not null && string.Equals(record.Host, host, StringComparison.OrdinalIgnoreCase)
            && record.Port == port && record.Security == security && string.Equals(record.UserName, userName, StringComparison.Ordinal);
        var protectedPassword = userName is null ? null
            : passwordChanged ? store.Protect(command.Password!)
            : sameLogin ? record!.ProtectedPassword
            : null;
        if (userName is not null && protectedPassword is null)
        {
            throw new ValidationException([new ValidationFailure("password",
                "'password' is required with a user name: a stored password is kept only while host, port, security and user name stay the same.")]);
        }

        if (record is null)
        {
            record = new SmtpSettingsRecord { Host = "", From = "" };
            db.SmtpSettings.Add(record);
        }

        record.Host = host;
        record.Port = port;
        record.Security = security;
        record.UserName = userName;
        record.ProtectedPassword = protectedPassword;
        record.From = command.From!.Trim();
        record.UpdatedAt = clock.GetUtcNow();
        record.UpdatedBy = actor.Name;
        await db.SaveChangesAsync(cancellationToken);

        var after = await sender.Send(new GetSmtpSettings(), cancellationToken);
        // The views hold hasPassword, never the password; passwordChanged says a new one was set.
        await sender.Send(new RecordAuditEntry(NotificationsModule.Name, "smtp.updated", Target: "smtp settings",
            Before: before, After: new { after.Host, after.Port, after.Security, after.UserName, after.HasPassword, after.From, passwordChanged }), cancellationToken);
        return after;
    }
}
