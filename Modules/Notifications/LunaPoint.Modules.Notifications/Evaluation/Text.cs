using System.Globalization;
using System.Text;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>Small text helpers for alert titles and details (lengths fit the alert columns).</summary>
internal static class Text
{
    /// <summary>
    /// At most <paramref name="max"/> UTF-16 units, an ellipsis marking a cut. Never cuts between the two
    /// halves of a surrogate pair (an emoji in a name): a lone half is invalid text to every channel.
    /// </summary>
    public static string? Cut(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var keep = Math.Max(0, max - 1);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep] + "…";
    }

    /// <summary>A similarity as every title, detail and message shows it: one decimal at most ("92.6%", "93%").</summary>
    public static string Percent(double similarity) =>
        Math.Round(similarity * 100, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static void Line(StringBuilder lines, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Append(label).Append(": ").Append(value).Append('\n');
        }
    }

    /// <summary>"2026-11-30 14:05:09 (Europe/Berlin)": the time as people at the site read it.</summary>
    public static string LocalTime(DateTimeOffset at, TimeZoneInfo zone) =>
        string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(at, zone):yyyy-MM-dd HH:mm:ss} ({zone.Id})");
}
