using System.Globalization;
using System.Text.RegularExpressions;
using LunaPoint.SharedKernel.Network;
using MimeKit;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// What a recipient must look like. Each check returns null when the value is fine, else the reason (which
/// never echoes the value: it may be long or hostile).
/// </summary>
internal static partial class ChannelAddresses
{
    public const int MaxEmailLength = 254;
    public const int MaxUrlLength = 2048;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;

    /// <summary>
    /// A bare address: one '@', no display name, angle brackets, comments, quoted or routed forms (MimeKit
    /// accepts those, and a header built from one could name another mailbox), and no control characters
    /// (CR/LF would let a recipient inject SMTP headers).
    /// </summary>
    public static string? EmailProblem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty.";
        }

        if (value.Any(char.IsControl))
        {
            return "must not contain control characters (CR, LF, tab…).";
        }

        var address = value.Trim();
        if (address.Length > MaxEmailLength)
        {
            return $"must be at most {MaxEmailLength} characters.";
        }

        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return "must be an e-mail address like name@example.com (one @, no display name).";
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length > 64 || !LocalPart().IsMatch(local) || !domain.Split('.').All(l => DomainLabel().IsMatch(l)))
        {
            return "must be an e-mail address like name@example.com (one @, no display name).";
        }

        return MailboxAddress.TryParse(address, out var mailbox) && string.IsNullOrEmpty(mailbox.Name) && mailbox.Route.Count == 0
            && string.Equals(mailbox.Address, address, StringComparison.Ordinal)
            ? null
            : "must be an e-mail address like name@example.com (one @, no display name).";
    }

    /// <summary>A chat, group or channel id (signed 64-bit) or a public @username (5..32 of A-Z, a-z, 0-9, _).</summary>
    public static string? ChatIdProblem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty.";
        }

        return value.StartsWith('@') ? (UserName().IsMatch(value) ? null : "must be @username with 5 to 32 letters, digits or underscores.")
            : NumericId().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null
            : "must be a numeric chat id (e.g. -1001234567890) or @username.";
    }

    /// <summary>
    /// An http(s) URL to a host. A literal address the outbound policy denies (169.254.169.254, 0.0.0.0,
    /// [::ffff:169.254.169.254], 2852039166, 0xA9FEA9FE…) is refused here, as the stream webhook is; a host
    /// name is judged when connecting, since what it resolves to may change after saving.
    /// </summary>
    public static string? UrlProblem(string? value, OutboundAddressPolicy network)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is required for a webhook.";
        }

        if (value.Length > MaxUrlLength)
        {
            return $"must be at most {MaxUrlLength} characters.";
        }

        if (value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "must not contain spaces or control characters.";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http:// or https:// URL.";
        }

        return string.IsNullOrEmpty(uri.Host) ? "must name a host."
            : uri.UserInfo.Length > 0 || value.Contains('@', StringComparison.Ordinal) && value.IndexOf('@') < value.IndexOf(uri.Host, StringComparison.OrdinalIgnoreCase)
                ? "must not carry a user name or password (the webhook is signed with its secret instead)."
            : value.Contains('#', StringComparison.Ordinal) ? "must not have a #fragment (it is never sent)."
            : !network.IsAllowed(uri) ? $"must not point at a denied address range ({OutboundAddressPolicy.SettingKey})."
            : null;
    }

    public static string? SecretProblem(string? value) =>
        string.IsNullOrEmpty(value) ? "is required for a new webhook URL (it signs each body with HMAC-SHA256)."
        : value.Length is < MinSecretLength or > MaxSecretLength ? $"must be {MinSecretLength} to {MaxSecretLength} characters."
        : value.Any(char.IsControl) ? "must not contain control characters."
        : null;

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$")]
    private static partial Regex DomainLabel();

    [GeneratedRegex("^@[A-Za-z0-9_]{5,32}$")]
    private static partial Regex UserName();

    [GeneratedRegex("^-?[0-9]{1,19}$")]
    private static partial Regex NumericId();
}
