using System.Net;
using System.Text;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;

namespace LunaPoint.Modules.Notifications.Channels.Telegram;

/// <summary>
/// The alert as Telegram HTML (parse mode HTML): title in bold (an escalation says so, and why), one line
/// per fact, the details of camera and licence alerts, the event link. Every
/// value is escaped; lines that would pass the limit (1,024 for a photo caption) are left out whole, so
/// no tag or entity is ever cut in half.
/// </summary>
internal static class TelegramCaption
{
    public const int PhotoCaptionLimit = 1024;
    public const int MessageLimit = 4096;

    public static string Build(Alert alert, bool escalation, TimeZoneInfo zone, string? publicBaseUrl, int limit)
    {
        var title = Text.Cut(AlertFacts.Title(alert, escalation), 200)!;
        var lines = new List<string> { $"<b>{E(title)}</b>" };
        if (escalation)
        {
            lines.Add(E(AlertFacts.EscalationNote));
        }

        lines.AddRange(AlertFacts.Of(alert, zone).Select(f => $"{E(f.Label)}: {E(f.Value)}"));
        if (AlertFacts.ExtraDetails(alert) is { } details)
        {
            lines.Add(E(Text.Cut(details, 300)!));
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
