using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>
/// A JSON merge patch (RFC 7396) of a flat resource (a list, a face): its members by name, any case, each
/// given once; a name the resource does not have is refused naming it. A null member means "back to the
/// default" (or "remove" for optional fields).
/// </summary>
internal sealed class MergePatch
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 32 };
    private readonly Dictionary<string, JsonElement> _members;

    private MergePatch(Dictionary<string, JsonElement> members) => _members = members;

    public static async Task<MergePatch> ReadAsync(Stream body, IReadOnlyCollection<string> known, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, Options, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Invalid("body", "The body is not valid JSON, or gives a property more than once.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("body", "A merge patch must be a JSON object.");
            }

            var members = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase))
                    ?? throw Invalid("body", $"Unknown property; a patch may hold {string.Join(", ", known)}.");
                if (!members.TryAdd(name, property.Value.Clone()))
                {
                    throw Invalid(name, $"{name} is given more than once (names are not case-sensitive).");
                }
            }

            return new MergePatch(members);
        }
    }

    public bool Has(string name) => _members.ContainsKey(name);

    /// <summary>The member as a string: null when it is JSON null; 400 naming it when it is not a string.</summary>
    public string? String(string name) => _members[name].ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => _members[name].GetString(),
        _ => throw Invalid(name, $"{name} must be a string."),
    };

    public double? Number(string name) => _members[name].ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number => _members[name].GetDouble(),
        _ => throw Invalid(name, $"{name} must be a number."),
    };

    public bool? Boolean(string name) => _members[name].ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid(name, $"{name} must be true or false."),
    };

    /// <summary>The member as raw JSON; null for JSON null.</summary>
    public string? Json(string name) => _members[name].ValueKind == JsonValueKind.Null ? null : _members[name].GetRawText();

    public IReadOnlyList<Guid> Guids(string name)
    {
        var element = _members[name];
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(name, $"{name} must be an array of ids.");
        }

        return element.EnumerateArray()
            .Select((e, i) => e.ValueKind == JsonValueKind.String && Guid.TryParse(e.GetString(), out var id) ? id : throw Invalid($"{name}[{i}]", $"{name}[{i}] is not an id."))
            .ToList();
    }

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
