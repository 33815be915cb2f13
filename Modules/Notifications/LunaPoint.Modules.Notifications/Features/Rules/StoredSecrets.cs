using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// Webhook secrets are never shown, so a client rewriting a rule cannot send them back: a webhook channel
/// without a secret keeps the one stored for the same URL. A URL the rule did not have needs its secret
/// (sending a stored secret to a new address would hand it to whoever runs that address). A secret given
/// is protected here (<paramref name="protect"/>, see Dispatch/WebhookSecrets); a kept one is stored
/// protected already, so what comes out holds only protected secrets, ready to store.
/// </summary>
internal static class StoredSecrets
{
    public static RuleRequest Resolve(RuleRequest request, NotificationRule? stored, Func<string, string> protect, Action<string, string> fail) => request with
    {
        Channels = Resolve(request.Channels, "channels", stored, protect, fail),
        EscalationChannels = Resolve(request.EscalationChannels, "escalationChannels", stored, protect, fail),
    };

    private static IReadOnlyList<ChannelRequest>? Resolve(
        IReadOnlyList<ChannelRequest>? channels, string path, NotificationRule? stored, Func<string, string> protect, Action<string, string> fail) =>
        channels?.Select(ChannelRequest (c, i) =>
        {
            // A null channel (from a merge patch) stays for the validator to name it.
            if (c is null || c.Type != "webhook" || string.IsNullOrWhiteSpace(c.Url))
            {
                return c!;
            }

            if (c.Secret is not null)
            {
                return c with { Secret = protect(c.Secret) };
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
