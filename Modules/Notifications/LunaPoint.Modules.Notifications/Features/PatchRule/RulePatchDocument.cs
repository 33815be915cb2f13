using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// Reads a JSON merge patch body (RFC 7396) and merges it onto a rule as <see cref="RuleRequest"/> writes it.
/// A key given twice, also in another case (names bind case-insensitively), is refused rather than guessed.
/// </summary>
internal static class RulePatchDocument
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };

    public static async Task<JsonObject> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, Options, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("body", "A merge patch must be a JSON object.");
            }

            RefuseCaseVariants(document.RootElement, "");
            return JsonObject.Create(document.RootElement.Clone())!;
        }
        catch (JsonException)
        {
            throw Invalid("body", "The body is not valid JSON, or gives a property more than once.");
        }
        catch (InvalidOperationException)
        {
            throw Invalid("body", "The body holds an invalid character (an unpaired UTF-16 surrogate).");
        }
    }

    /// <summary>RFC 7396: null removes, objects merge, anything else (arrays too) replaces.</summary>
    public static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            var name = target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                Merge(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    public static RuleRequest ToRequest(JsonObject merged)
    {
        try
        {
            return merged.Deserialize<RuleRequest>(Json) ?? throw Invalid("body", "A merge patch must be a JSON object.");
        }
        catch (JsonException ex)
        {
            // The serializer's message names our internal types: say it in the caller's words.
            var field = string.IsNullOrEmpty(ex.Path?.TrimStart('$', '.')) ? "body" : ex.Path!.TrimStart('$', '.');
            var unknown = ex.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);
            throw Invalid(field, unknown ? $"{field} is not a known property (check its spelling)." : $"{field} has the wrong type or format.");
        }
    }

    private static void RefuseCaseVariants(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!seen.Add(property.Name))
                {
                    throw Invalid(name, $"{name} is given more than once (names are not case-sensitive).");
                }

                RefuseCaseVariants(property.Value, name);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                RefuseCaseVariants(item, $"{path}[{i++}]");
            }
        }
        else if (element.ValueKind == JsonValueKind.String && element.GetString()!.Contains('\0', StringComparison.Ordinal))
        {
            throw Invalid(path, $"{path} must not contain NUL (U+0000) characters.");
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
