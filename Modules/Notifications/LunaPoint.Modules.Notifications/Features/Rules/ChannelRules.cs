using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Network;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// A channel list: at least one, each with the fields its type takes and no others. The webhook secret is
/// checked only when given: one left out must be kept from the stored rule (<see cref="StoredSecrets"/>).
/// </summary>
internal static class ChannelRules
{
    public const int MaxRecipients = 50;

    public static void Check(IReadOnlyList<ChannelRequest>? channels, string path, OutboundAddressPolicy network, Action<string, string> fail)
    {
        if (channels is not { Count: > 0 })
        {
            fail(path, "must name at least one channel (console, email, telegram or webhook).");
            return;
        }

        if (channels.Count > RuleRequestValidator.MaxChannels)
        {
            fail(path, $"must name at most {RuleRequestValidator.MaxChannels} channels.");
            return;
        }

        for (var i = 0; i < channels.Count; i++)
        {
            if (channels[i] is null)
            {
                fail($"{path}[{i}]", "must not be null.");
                continue;
            }

            Check(channels[i], $"{path}[{i}]", network, fail);
        }

        if (channels.Count(c => c?.Type == "console") > 1)
        {
            fail(path, "must name the console channel at most once.");
        }
    }

    private static void Check(ChannelRequest channel, string path, OutboundAddressPolicy network, Action<string, string> fail)
    {
        if (!RuleNames.TryChannel(channel.Type, out var type))
        {
            fail($"{path}.type", $"must be one of: {string.Join(", ", RuleNames.Channels)}.");
            return;
        }

        Only(channel.Recipients is not null, type == ChannelType.Email, $"{path}.recipients", "email", fail);
        Only(channel.ChatIds is not null, type == ChannelType.Telegram, $"{path}.chatIds", "telegram", fail);
        Only(channel.Url is not null, type == ChannelType.Webhook, $"{path}.url", "webhook", fail);
        Only(channel.Secret is not null, type == ChannelType.Webhook, $"{path}.secret", "webhook", fail);
        switch (type)
        {
            case ChannelType.Email:
                List(channel.Recipients, $"{path}.recipients", "e-mail address", ChannelAddresses.EmailProblem, fail);
                break;
            case ChannelType.Telegram:
                List(channel.ChatIds, $"{path}.chatIds", "chat id", ChannelAddresses.ChatIdProblem, fail);
                break;
            case ChannelType.Webhook:
                Problem(ChannelAddresses.UrlProblem(channel.Url, network), $"{path}.url", fail);
                if (channel.Secret is not null)
                {
                    Problem(ChannelAddresses.SecretProblem(channel.Secret), $"{path}.secret", fail);
                }

                break;
        }
    }

    private static void List(IReadOnlyList<string>? items, string path, string what, Func<string?, string?> problem, Action<string, string> fail)
    {
        if (items is not { Count: > 0 })
        {
            fail(path, $"must name at least one {what}.");
            return;
        }

        if (items.Count > MaxRecipients)
        {
            fail(path, $"must name at most {MaxRecipients}.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            Problem(problem(items[i]), $"{path}[{i}]", fail);
            if (items[i] is { } item && !seen.Add(item.Trim()))
            {
                fail($"{path}[{i}]", "is given twice (each would be sent the alert twice).");
            }
        }
    }

    private static void Only(bool given, bool allowed, string path, string type, Action<string, string> fail)
    {
        if (given && !allowed)
        {
            fail(path, $"belongs to {type} channels only; leave it out.");
        }
    }

    private static void Problem(string? problem, string path, Action<string, string> fail)
    {
        if (problem is not null)
        {
            fail(path, problem);
        }
    }
}
