using System.Globalization;
using System.Text;

namespace LunaPoint.Modules.Notifications.Evaluation;

/// <summary>Small text helpers for alert titles and details (lengths fit the alert columns).</summary>
internal static class Text
{
    public static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

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
