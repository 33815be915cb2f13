using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>The rules a face's own fields follow on every path (form, patch, zip, NDJSON), as messages naming the field.</summary>
internal static class FaceFields
{
    public const int MaxUserDataBytes = 16 * 1024;

    /// <summary>Null when the value is acceptable, else why not.</summary>
    public static string? NameError(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "name is required."
        : name.Trim().Length > 200 ? "name must be at most 200 characters."
        : name.Contains('\0') ? "name must not contain a NUL character."
        : null;

    public static string? ExternalIdError(string? externalId) =>
        externalId is null ? null
        : externalId.Length > 200 ? "externalId must be at most 200 characters."
        : externalId.Contains('\0') ? "externalId must not contain a NUL character."
        : null;

    /// <summary>userData must be JSON of at most 16 KB; it is stored as written (compacted).</summary>
    public static string? UserDataError(string? json, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        if (json.Length > MaxUserDataBytes)
        {
            return $"userData must be at most {MaxUserDataBytes} bytes of JSON.";
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            normalised = JsonSerializer.Serialize(document.RootElement);
            return normalised.Contains("\\u0000", StringComparison.Ordinal) ? "userData must not contain a NUL character." : null;
        }
        catch (JsonException)
        {
            return "userData is not valid JSON.";
        }
    }

    /// <summary>Throws one 400 naming every field that is wrong.</summary>
    public static void Check(params (string Field, string? Error)[] checks)
    {
        var failures = checks.Where(c => c.Error is not null).Select(c => new ValidationFailure(c.Field, c.Error)).ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
