using System.Diagnostics.CodeAnalysis;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Channels.Email;

/// <summary>The SMTP settings in force: the console's saved row, else configuration. <see cref="Password"/> is never shown or logged.</summary>
internal sealed record SmtpConnectionSettings(
    string? Host, int Port, SmtpSecurity Security, string? UserName, string? Password, string? From, TimeSpan Timeout, SmtpSettingsSource Source)
{
    [MemberNotNullWhen(true, nameof(Host), nameof(From))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    // The password is left out on purpose: a record's generated ToString would print it in any log line.
    public override string ToString() => $"{Host}:{Port} ({Security}, from {From}, user {UserName ?? "none"}, {Source})";
}

internal enum SmtpSettingsSource
{
    Configuration,
    Console,
}
