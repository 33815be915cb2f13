using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// A search's scalar parameters, wherever they came from (query string, form fields, JSON properties), read
/// as text and parsed here so every refusal names its field. A name nobody reads is refused too: a
/// misspelt <c>treshold</c> must not search with no threshold.
/// </summary>
internal sealed class SearchParameters(IReadOnlyDictionary<string, string> values)
{
    public static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "photo", "descriptor", "eventId", "faceId", "target", "limit", "threshold", "faceIndex",
        "from", "to", "streamId", "listId", "matched", "ageFrom", "ageTo", "gender", "liveness",
    };

    public string? Text(string name) => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public bool Has(string name) => Text(name) is not null;

    public Guid? Id(string name) => Parse(name, t => Guid.TryParse(t, out var v) ? v : (Guid?)null, "a GUID");

    public int? Int(string name) => Parse(name, t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "a whole number");

    public double? Number(string name) => Parse(name, t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null, "a number");

    public bool? Flag(string name) => Parse(name, t => bool.TryParse(t, out var v) ? v : (bool?)null, "true or false");

    public DateTimeOffset? Time(string name) => Parse(
        name,
        t => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v) ? v : (DateTimeOffset?)null,
        "a date and time (ISO 8601)");

    public SearchTarget Target() => Text("target")?.ToLowerInvariant() switch
    {
        null or "faces" => SearchTarget.Faces,
        "events" => SearchTarget.Events,
        _ => throw Invalid("target", "target must be faces or events."),
    };

    public EventFilter Filter() => new(
        Time("from"), Time("to"), Id("streamId"), Id("listId"), null, Flag("matched"), Number("ageFrom"), Number("ageTo"), Text("gender"), Text("liveness"));

    public void RefuseUnknown()
    {
        var unknown = values.Keys.Where(k => !Known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException(unknown.Select(k => new ValidationFailure(Shorten(k), $"{Shorten(k)} is not a search parameter.")).ToList());
        }
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    private T? Parse<T>(string name, Func<string, T?> parse, string expected)
        where T : struct =>
        Text(name) is not { } text ? null : parse(text) ?? throw Invalid(name, $"{name} must be {expected}.");

    private static string Shorten(string name) => name.Length > 40 ? name[..40] : name;
}
