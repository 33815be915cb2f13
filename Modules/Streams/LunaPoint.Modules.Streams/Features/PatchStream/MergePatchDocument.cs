using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>
/// Reads a JSON merge patch body. A key given twice, or twice in different case (the stream's names
/// are matched case-insensitively), is ambiguous: which value wins? It is refused rather than guessed.
/// A string or name with a lone UTF-16 surrogate (<c>"\ud800"</c>) or NUL is refused here too: the host's
/// body guard normally stops them first, but this reader must not depend on it (a lone surrogate made
/// the merged document throw InvalidOperationException, a 500).
/// </summary>
internal static class MergePatchDocument
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static async Task<JsonObject> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw Invalid("body", ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
                ? "A property is given more than once."
                : $"The body is not valid JSON (line {ex.LineNumber + 1}).");
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check reads every property name: a lone surrogate in one throws this.
            throw Invalid("body", "A property name holds an invalid character (an unpaired UTF-16 surrogate).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("body", "A merge patch must be a JSON object.");
            }

            RefuseCaseVariants(document.RootElement, "");
            return JsonObject.Create(document.RootElement.Clone())!;
        }
    }

    private static void RefuseCaseVariants(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var propertyName = Text(() => property.Name, path.Length == 0 ? "body" : path, "A property name");
                var name = path.Length == 0 ? propertyName : $"{path}.{propertyName}";
                if (!seen.Add(property.Name))
                {
                    throw Invalid(name, $"'{property.Name}' is given more than once (names are not case-sensitive).");
                }

                RefuseCaseVariants(property.Value, name);
            }
        }
        else if (element.ValueKind == JsonValueKind.String)
        {
            Text(element.GetString, path.Length == 0 ? "body" : path, "The value");
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                RefuseCaseVariants(item, $"{path}[{i++}]");
            }
        }
    }

    private static string Text(Func<string?> read, string field, string what)
    {
        string text;
        try
        {
            text = read() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw Invalid(field, $"{what} holds an invalid character (an unpaired UTF-16 surrogate).");
        }

        return text.Contains('\0', StringComparison.Ordinal) ? throw Invalid(field, $"{what} must not contain NUL (U+0000) characters.") : text;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
