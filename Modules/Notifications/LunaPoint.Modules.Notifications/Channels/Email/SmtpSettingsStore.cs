using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Notifications.Channels.Email;

/// <summary>
/// Reads the SMTP settings in force and protects the saved password. A row an administrator saved in the
/// console wins over <c>LunaPoint:Notifications:Smtp</c>; the password is encrypted with the host's data
/// protection keys, so a database dump alone does not give it away.
/// </summary>
internal sealed class SmtpSettingsStore(
    NotificationsDbContext db, IDataProtectionProvider protection, IOptionsMonitor<NotificationsOptions> options, ILogger<SmtpSettingsStore> logger)
{
    public const string ProtectionPurpose = "LunaPoint.Notifications.Smtp";

    private IDataProtector Protector => protection.CreateProtector(ProtectionPurpose);

    public Task<SmtpSettingsRecord?> FindSavedAsync(CancellationToken cancellationToken) =>
        db.SmtpSettings.SingleOrDefaultAsync(s => s.Id == SmtpSettingsRecord.SingletonId, cancellationToken);

    public async Task<SmtpConnectionSettings> GetEffectiveAsync(CancellationToken cancellationToken)
    {
        var configured = options.CurrentValue.Smtp;
        var timeout = TimeSpan.FromSeconds(Math.Clamp(configured.TimeoutSeconds, 1, 600));
        if (await db.SmtpSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SmtpSettingsRecord.SingletonId, cancellationToken) is { } saved)
        {
            return new SmtpConnectionSettings(saved.Host, saved.Port, saved.Security, saved.UserName, Unprotect(saved.ProtectedPassword), saved.From, timeout, SmtpSettingsSource.Console);
        }

        return new SmtpConnectionSettings(
            configured.Host, configured.Port, configured.Security, configured.UserName, configured.Password, configured.From, timeout, SmtpSettingsSource.Configuration);
    }

    public string Protect(string password) => Protector.Protect(password);

    private string? Unprotect(string? protectedPassword)
    {
        if (protectedPassword is null)
        {
            return null;
        }

        try
        {
            return Protector.Unprotect(protectedPassword);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The keys changed (a new machine without the key ring): sending without the password fails
            // with an authentication error that says what to do, rather than crashing every delivery.
            logger.LogWarning("The saved SMTP password cannot be decrypted with this host's data protection keys; save it again on the notification settings page.");
            return null;
        }
    }
}
