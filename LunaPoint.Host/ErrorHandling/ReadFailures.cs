using System.Text.Json;
using System.Text.RegularExpressions;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>A request the API could not read, said as the client wrote it: a field and a plain reason.</summary>
internal sealed record ReadFailure(int Status, string? Field, string Message);

/// <summary>
/// Turns the framework's binding and JSON errors into user-level messages. Their own texts name our
/// internal types ("LunaPoint.Modules.Streams.Features.StreamRequest", "IssueToken command",
/// "System.Guid") and echo the value sent; ours name the field and what it must be, and echo nothing.
/// </summary>
internal static partial class ReadFailures
{
    public static ReadFailure Describe(BadHttpRequestException exception)
    {
        if (FindJsonException(exception) is { } json)
        {
            return Describe(json);
        }

        var message = exception.Message;
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ReadFailure(exception.StatusCode, null, "The request body is too large.");
        }

        if (ImplicitBodyMissing().IsMatch(message) || BodyParameterMissing().IsMatch(message))
        {
            return new ReadFailure(StatusCodes.Status400BadRequest, null, "A JSON body is required.");
        }

        if (BindFailed().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return new ReadFailure(StatusCodes.Status400BadRequest, name, $"{name} must be {Expected(bind.Groups["type"].Value) ?? "a valid value"}.");
        }

        if (RequiredMissing().Match(message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            return new ReadFailure(StatusCodes.Status400BadRequest, name, $"{name} is required.");
        }

        if (message.Contains("JSON media type", StringComparison.Ordinal))
        {
            return new ReadFailure(exception.StatusCode, null, "The body must be JSON (Content-Type: application/json).");
        }

        if (message.Contains("form media type", StringComparison.Ordinal))
        {
            return new ReadFailure(exception.StatusCode, null, "The body must be a form (Content-Type: application/x-www-form-urlencoded or multipart/form-data).");
        }

        return new ReadFailure(exception.StatusCode, null, exception.StatusCode == StatusCodes.Status400BadRequest
            ? "The request could not be read."
            : "The request could not be read: " + exception.StatusCode + ".");
    }

    public static ReadFailure Describe(JsonException exception)
    {
        var path = exception.Path is { Length: > 0 } p ? p : "$";
        if (exception is NullElementException nullElement)
        {
            path = Join(path, nullElement.Element);
        }

        var field = path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..];
        return new ReadFailure(StatusCodes.Status400BadRequest, field, $"The JSON body is malformed at {path}: {Reason(exception)}");
    }

    /// <summary>The reason without the framework's "Path: … | LineNumber: …" suffix and without type names.</summary>
    internal static string Reason(JsonException exception)
    {
        var message = exception.Message;
        if (exception is NullElementException)
        {
            return "null is not allowed in this list.";
        }

        // The type in "could not be converted to X" is sometimes the enclosing object, not the field's, so only
        // a known primitive (or the format the inner error names) is trusted to say what was expected.
        if (exception.InnerException is FormatException format && UnsupportedFormat().Match(format.Message) is { Success: true } kind
            && Expected(kind.Groups["type"].Value) is { } expectedFormat)
        {
            return $"expected {expectedFormat}.";
        }

        if (ConvertFailed().Match(message) is { Success: true } convert)
        {
            return Expected(convert.Groups["type"].Value) is { } expected ? $"expected {expected}." : "the value has the wrong type or format.";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "unknown property (check its spelling).";
        }

        if (message.StartsWith("Duplicate property", StringComparison.Ordinal) || message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "a property appears more than once (names are case-insensitive).";
        }

        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var reason = cut >= 0 ? message[..cut] : message;
        if (reason.Contains("LineNumber:", StringComparison.Ordinal))
        {
            reason = reason[..reason.IndexOf("LineNumber:", StringComparison.Ordinal)].TrimEnd(' ', '|', '.');
        }

        reason = TypeName().Replace(reason, "the value");
        return reason.Length == 0 ? "the value is not valid." : reason.TrimEnd('.') + ".";
    }

    /// <summary>What a CLR type means to a client, from the name the framework puts in its message.</summary>
    internal static string? Expected(string typeName)
    {
        var name = NullableInner().Match(typeName) is { Success: true } inner ? inner.Groups["type"].Value : typeName;
        name = name.TrimEnd('?', '>');
        var shortName = name[(name.LastIndexOf('.') + 1)..];
        return shortName switch
        {
            "Guid" => "a GUID",
            "Int32" or "int" or "Int64" or "long" or "Int16" or "short" or "Byte" or "byte" or "UInt32" or "uint" or "UInt64" or "ulong" => "an integer in range",
            "Double" or "double" or "Single" or "float" or "Decimal" or "decimal" => "a number",
            "Boolean" or "bool" => "true or false",
            "String" or "string" => "a string",
            "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z)",
            "DateOnly" => "a date (ISO 8601, e.g. 2026-01-31)",
            "TimeSpan" => "a duration (e.g. 00:05:00)",
            _ when name.Contains("List`", StringComparison.Ordinal) || name.Contains("[]", StringComparison.Ordinal)
                || name.Contains("Enumerable`", StringComparison.Ordinal) || name.Contains("Collection`", StringComparison.Ordinal) => "an array",
            _ => null,
        };
    }

    private static string Join(string path, string element) => path.EndsWith("." + element, StringComparison.Ordinal) ? path
        : path.EndsWith("." + element[..element.IndexOf('[')], StringComparison.Ordinal) ? path[..path.LastIndexOf('.')] + "." + element
        : path + "." + element;

    private static JsonException? FindJsonException(Exception exception) =>
        exception.InnerException switch
        {
            JsonException json => json,
            { } inner => FindJsonException(inner),
            null => null,
        };

    [GeneratedRegex("not in a supported (?<type>\\w+) format")]
    private static partial Regex UnsupportedFormat();

    [GeneratedRegex("^Implicit body inferred for parameter")]
    private static partial Regex ImplicitBodyMissing();

    [GeneratedRegex("^Required parameter \"[^\"]*\" was not provided from (the request )?body")]
    private static partial Regex BodyParameterMissing();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>\\S+) (?<name>[^\"]+)\" from")]
    private static partial Regex BindFailed();

    [GeneratedRegex("^Required parameter \"(?<type>\\S+) (?<name>[^\"]+)\" was not provided")]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("could not be converted to (?<type>\\S+?)\\.? Path:|could not be converted to (?<type>\\S+?)\\.?$")]
    private static partial Regex ConvertFailed();

    [GeneratedRegex("^(System\\.)?Nullable(`1\\[\\[?|<)(?<type>[^\\],>]+)")]
    private static partial Regex NullableInner();

    // Namespaced CLR names ("LunaPoint.Modules.X.Y", "System.Guid") and quoted type names.
    [GeneratedRegex("(type )?'?\\b(LunaPoint|System|Microsoft)(\\.[\\w`\\[\\],+]+)+'?")]
    private static partial Regex TypeName();
}
