using System.Globalization;
using LunaPoint.Modules.Notifications.Domain;

namespace LunaPoint.Modules.Notifications.Channels;

/// <summary>One labelled value of an alert as a message shows it ("Stream: Front door").</summary>
internal sealed record AlertFact(string Label, string Value);

/// <summary>
/// What e-mails and Telegram captions say about an alert, in one order, as plain text: each channel
/// escapes it for its own markup. Every value may come from an attacker (person, stream and list names).
/// </summary>
internal static class AlertFacts
{
    /// <summary>The line an escalation adds to the body: the rule's delay is not on the alert, so "in time".</summary>
    public const string EscalationNote = "Not acknowledged in time: this alert is escalated.";

    public const string EscalationPrefix = "Not acknowledged: ";

    public static IReadOnlyList<AlertFact> Of(Alert alert, TimeZoneInfo zone)
    {
        var facts = new List<AlertFact>();
        Add(facts, "Person", alert.FaceName is null ? null : alert.ExternalId is null ? alert.FaceName : $"{alert.FaceName} ({alert.ExternalId})");
        Add(facts, "List", alert.ListName);
        Add(facts, "Similarity", alert.Similarity is { } s ? Evaluation.Text.Percent(s) : null);
        Add(facts, "Stream", alert.StreamName);
        Add(facts, "Location", alert.Location);
        Add(facts, "Time", FormatTime(alert.OccurredAt, zone));
        Add(facts, "Age", alert.Age is { } age ? age.ToString("0", CultureInfo.InvariantCulture) : null);
        Add(facts, "Gender", alert.Gender);
        Add(facts, "Liveness", alert.Liveness);
        Add(facts, "Rule", alert.RuleName);
        return facts;
    }

    /// <summary>
    /// The alert's <c>Details</c> as a message shows it after the facts, or null. Face alerts' details repeat
    /// the facts (only worse for a 1,024-character caption), so they are left out; for camera and licence
    /// alerts the details carry what the facts lack (the reason, how long, the licensee).
    /// </summary>
    public static string? ExtraDetails(Alert alert) =>
        alert.Trigger is AlertTrigger.WatchlistMatch or AlertTrigger.UnknownFace or AlertTrigger.LivenessSpoof
            || string.IsNullOrWhiteSpace(alert.Details) ? null : alert.Details;

    /// <summary>The subject line or caption title; an escalation says it is one.</summary>
    public static string Title(Alert alert, bool escalation) => escalation ? EscalationPrefix + alert.Title : alert.Title;

    /// <summary>The event page in the console, when the console's public address is configured.</summary>
    public static string? EventLink(Alert alert, string? publicBaseUrl) =>
        alert.EventId is { } id && !string.IsNullOrWhiteSpace(publicBaseUrl) ? $"{publicBaseUrl.TrimEnd('/')}/events/{id}" : null;

    public static string FormatTime(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + $" ({zone.Id})";

    /// <summary>The configured zone; UTC when the name is unknown on this machine (a message is better late-labelled than lost).</summary>
    public static TimeZoneInfo Zone(string? id) => Evaluation.TimeZones.Find(id) ?? TimeZoneInfo.Utc;

    private static void Add(List<AlertFact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new AlertFact(label, value));
        }
    }
}
