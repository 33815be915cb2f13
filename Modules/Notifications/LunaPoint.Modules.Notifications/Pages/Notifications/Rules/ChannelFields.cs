using LunaPoint.Modules.Notifications.Features;
using Microsoft.AspNetCore.Mvc;

namespace LunaPoint.Modules.Notifications.Pages.Notifications.Rules;

/// <summary>One channel of each type, as form fields; the channel list is built in a fixed order from the filled ones.</summary>
internal sealed class ChannelFields
{
    [ModelBinder(Name = "console")] public bool Console { get; set; }
    [ModelBinder(Name = "email")] public string? Email { get; set; }
    [ModelBinder(Name = "telegram")] public string? Telegram { get; set; }
    [ModelBinder(Name = "webhook.url")] public string? WebhookUrl { get; set; }

    /// <summary>Write-only: never filled in by the page; empty keeps the stored secret of the same URL.</summary>
    [ModelBinder(Name = "webhook.secret")] public string? WebhookSecret { get; set; }

    public bool HasSecret { get; private set; }

    private readonly List<string> _types = [];

    public static ChannelFields From(IReadOnlyList<ChannelDto> channels) => new()
    {
        Console = channels.Any(c => c.Type == "console"),
        Email = string.Join("\n", channels.Where(c => c.Type == "email").SelectMany(c => c.Recipients ?? [])),
        Telegram = string.Join("\n", channels.Where(c => c.Type == "telegram").SelectMany(c => c.ChatIds ?? [])),
        WebhookUrl = channels.FirstOrDefault(c => c.Type == "webhook")?.Url,
        HasSecret = channels.Any(c => c.Type == "webhook" && c.HasSecret == true),
    };

    /// <summary>Whether the stored rule has a secret for the URL shown (for the "leave empty to keep" hint).</summary>
    public void KeepSecretState(ChannelFields stored) => HasSecret = stored.HasSecret && string.Equals(stored.WebhookUrl, WebhookUrl?.Trim(), StringComparison.Ordinal);

    public List<ChannelRequest> ToRequests()
    {
        _types.Clear();
        var channels = new List<ChannelRequest>();
        void Add(string type, ChannelRequest channel)
        {
            _types.Add(type);
            channels.Add(channel);
        }

        if (Console)
        {
            Add("console", new ChannelRequest("console"));
        }

        if (Lines(Email) is { Count: > 0 } recipients)
        {
            Add("email", new ChannelRequest("email", Recipients: recipients));
        }

        if (Lines(Telegram) is { Count: > 0 } chats)
        {
            Add("telegram", new ChannelRequest("telegram", ChatIds: chats));
        }

        if (!string.IsNullOrWhiteSpace(WebhookUrl))
        {
            Add("webhook", new ChannelRequest("webhook", Url: WebhookUrl.Trim(), Secret: string.IsNullOrEmpty(WebhookSecret) ? null : WebhookSecret));
        }

        return channels;
    }

    /// <summary>The form field an error about <paramref name="path"/> (e.g. "channels[1].recipients[0]") belongs on.</summary>
    public string FieldFor(string path, string prefix)
    {
        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (!int.TryParse(path.AsSpan(prefix.Length + 1, close - prefix.Length - 1), out var index) || index >= _types.Count)
        {
            return prefix;
        }

        var type = _types[index];
        return type != "webhook" ? $"{prefix}.{type}" : path.EndsWith(".secret", StringComparison.Ordinal) ? $"{prefix}.webhook.secret" : $"{prefix}.webhook.url";
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
