using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Channels.Email;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Security;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// Saves the SMTP settings the console uses instead of configuration. An empty <see cref="Password"/>
/// keeps the stored one (the form never shows it back); an empty <see cref="UserName"/> means no login,
/// and drops the stored password with it.
/// </summary>
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
        if (record is null)
        {
            record = new SmtpSettingsRecord { Host = "", From = "" };
            db.SmtpSettings.Add(record);
        }

        var userName = string.IsNullOrWhiteSpace(command.UserName) ? null : command.UserName.Trim();
        var passwordChanged = !string.IsNullOrEmpty(command.Password);
        record.Host = command.Host!.Trim();
        record.Port = command.Port!.Value;
        record.Security = Enum.Parse<SmtpSecurity>(command.Security!, ignoreCase: true);
        record.UserName = userName;
        record.ProtectedPassword = userName is null ? null : passwordChanged ? store.Protect(command.Password!) : record.ProtectedPassword;
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
