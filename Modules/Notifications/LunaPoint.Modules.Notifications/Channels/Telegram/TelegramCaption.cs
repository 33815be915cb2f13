using System.Net;
using System.Text;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Channels.Telegram;

/// <summary>
/// The alert as Telegram HTML (parse mode HTML): title in bold, one line per fact, the event link. Every
/// value is escaped; lines that would pass the limit (1,024 for a photo caption) are left out whole, so
/// no tag or entity is ever cut in half.
/// </summary>
internal static class TelegramCaption
{
    public const int PhotoCaptionLimit = 1024;
    public const int MessageLimit = 4096;

    public static string Build(Alert alert, TimeZoneInfo zone, string? publicBaseUrl, int limit)
    {
        var title = alert.Title.Length <= 200 ? alert.Title : alert.Title[..200] + "…";
        var lines = new List<string> { $"<b>{E(title)}</b>" };
        lines.AddRange(AlertFacts.Of(alert, zone).Select(f => $"{E(f.Label)}: {E(f.Value)}"));
        if (!string.IsNullOrWhiteSpace(alert.Details))
        {
            lines.Add(E(alert.Details.Length <= 300 ? alert.Details : alert.Details[..300] + "…"));
        }

        if (AlertFacts.EventLink(alert, publicBaseUrl) is { } link)
        {
            lines.Add($"<a href=\"{E(link)}\">Open the event</a>");
        }

        var caption = new StringBuilder();
        foreach (var line in lines)
        {
            var extra = (caption.Length > 0 ? 1 : 0) + line.Length;
            if (caption.Length + extra > limit)
            {
                continue;
            }

            caption.Append(caption.Length > 0 ? "\n" : "").Append(line);
        }

        return caption.ToString();
    }

    // Telegram's HTML mode knows only &lt; &gt; &amp; &quot;, and WebUtility encodes exactly those (plus &#39;, also accepted).
    private static string E(string value) => WebUtility.HtmlEncode(value);
}
