using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// Webhook secrets are never shown, so a client rewriting a rule cannot send them back: a webhook channel
/// without a secret keeps the one stored for the same URL. A URL the rule did not have needs its secret
/// (sending a stored secret to a new address would hand it to whoever runs that address).
/// </summary>
internal static class StoredSecrets
{
    public static RuleRequest Restore(RuleRequest request, NotificationRule? stored, Action<string, string> fail) => request with
    {
        Channels = Restore(request.Channels, "channels", stored, fail),
        EscalationChannels = Restore(request.EscalationChannels, "escalationChannels", stored, fail),
    };

    private static IReadOnlyList<ChannelRequest>? Restore(IReadOnlyList<ChannelRequest>? channels, string path, NotificationRule? stored, Action<string, string> fail) =>
        channels?.Select(ChannelRequest (c, i) =>
        {
            // A null channel (from a merge patch) stays for the validator to name it.
            if (c is null || c.Type != "webhook" || c.Secret is not null || string.IsNullOrWhiteSpace(c.Url))
            {
                return c!;
            }

            var url = c.Url.Trim();
            var kept = stored?.Channels.Concat(stored.EscalationChannels)
                .FirstOrDefault(s => s.Type == ChannelType.Webhook && string.Equals(s.Url, url, StringComparison.Ordinal) && !string.IsNullOrEmpty(s.Secret));
            if (kept is null)
            {
                fail($"{path}[{i}].secret", $"{path}[{i}].secret {ChannelAddresses.SecretProblem(null)}");
                return c;
            }

            return c with { Secret = kept.Secret };
        }).ToList();
}
