using System.Text.Json;
using System.Text.Json.Serialization;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>
/// Every string read from a JSON body, values and dictionary keys alike, passes here. PostgreSQL cannot
/// store U+0000 in text (it answers 22021, a 500 after the fact), and no field of ours means anything
/// with it, so it is refused at the edge for every endpoint at once. Lone surrogates never get this far:
/// the reader refuses them (and invalid UTF-8) itself.
/// </summary>
internal sealed class StrictStringConverter : JsonConverter<string>
{
    public const string NulMessage = "must not contain NUL (U+0000) characters.";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : throw new JsonException("expected a string."));

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        value is not null && value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException(NulMessage) : value;
}
