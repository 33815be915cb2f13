using FluentValidation;
using LunaPoint.Modules.Notifications.Channels.Email;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Network;
using MimeKit;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed class UpdateSmtpSettingsValidator : AbstractValidator<UpdateSmtpSettings>
{
    public UpdateSmtpSettingsValidator(OutboundAddressPolicy policy)
    {
        RuleFor(c => c.Host).NotEmpty().MaximumLength(255)
            .Must(SmtpInput.IsHostName).WithMessage("'host' must be a host name or IP address, without a scheme or port (smtp.example.com).")
            // Only a well-formed host is judged (a bad one already has its message above).
            .Must(h => !SmtpInput.IsHostName(h) || SmtpEndpoint.IsAllowedHost(h!, policy))
            .WithMessage($"'host' is an address outgoing connections may not reach (unspecified, broadcast, multicast or in {OutboundAddressPolicy.SettingKey}).");
        RuleFor(c => c.Port).NotNull().InclusiveBetween(1, 65535);
        RuleFor(c => c.Security).NotEmpty()
            .Must(s => s is not null && !s.Any(char.IsDigit) && Enum.TryParse<SmtpSecurity>(s, ignoreCase: true, out _))
            .WithMessage("'security' must be None, StartTls or SslOnConnect.");
        RuleFor(c => c.From).NotEmpty().MaximumLength(320)
            .Must(SmtpInput.IsMailbox).WithMessage("'from' must be one e-mail address, e.g. alerts@example.com or \"LunaPoint\" <alerts@example.com>.");
        RuleFor(c => c.UserName).MaximumLength(256).Must(SmtpInput.HasNoControlCharacters).WithMessage("'userName' must not hold control characters.");
        RuleFor(c => c.Password).Must((c, p) => string.IsNullOrEmpty(p) || !string.IsNullOrWhiteSpace(c.UserName))
            .WithMessage("'password' needs a 'userName': without one the server is used without a login.");
        RuleFor(c => c.Password).MaximumLength(256).Must(SmtpInput.HasNoControlCharacters).WithMessage("'password' must not hold control characters.");
    }
}

/// <summary>Checks shared by the settings form and the test e-mail.</summary>
internal static class SmtpInput
{
    public static bool IsHostName(string? host) =>
        host is not null && !host.Contains("://", StringComparison.Ordinal) && host.Trim() is { Length: > 0 } h
        && (Uri.CheckHostName(h) is UriHostNameType.Dns or UriHostNameType.IPv4 || Uri.CheckHostName(h.Trim('[', ']')) == UriHostNameType.IPv6);

    /// <summary>One mailbox with a local part and a domain; groups, lists and bare names are refused.</summary>
    public static bool IsMailbox(string? value) =>
        value is not null && HasNoControlCharacters(value)
        && MailboxAddress.TryParse(ParserOptions.Default, value.Trim(), out var mailbox)
        && mailbox.Address.IndexOf('@') is > 0 and var at && at < mailbox.Address.Length - 1
        && !mailbox.Address.Any(char.IsWhiteSpace);

    public static bool HasNoControlCharacters(string? value) => value is null || !value.Any(char.IsControl);
}
