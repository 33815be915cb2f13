using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace LunaPoint.Modules.Notifications.Dispatch;

/// <summary>
/// Webhook secrets at rest: a rule's channels (alert_rules.channels) and every outbox row's target hold only
/// the form protected with the host's data protection keys, so a database dump or backup does not hand out
/// the keys that sign alerts. The rule writer protects a secret as it is given; the webhook sender
/// unprotects it to sign. There is no plaintext fallback: webhook rules are new in this (unreleased)
/// version, so no row was ever written in the clear.
/// </summary>
internal static class WebhookSecrets
{
    public const string Purpose = "LunaPoint.Notifications.WebhookSecret";

    public static string ProtectWebhookSecret(this IDataProtectionProvider protection, string secret) =>
        protection.CreateProtector(Purpose).Protect(secret);

    /// <returns>The secret, or null when it cannot be read with this host's keys (a changed key ring, a hand-edited row).</returns>
    public static string? TryUnprotectWebhookSecret(this IDataProtectionProvider protection, string protectedSecret)
    {
        try
        {
            return protection.CreateProtector(Purpose).Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
