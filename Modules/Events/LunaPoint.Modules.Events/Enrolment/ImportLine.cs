using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Events.Matching;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>One good NDJSON line: a new face and its one imported descriptor.</summary>
internal sealed record ImportedFace(int Line, string Name, string? ExternalId, string? UserDataJson, float[] Descriptor);

/// <summary>
/// Parses one NDJSON line <c>{"name","externalId","descriptor","userData"?}</c> straight from its UTF-8
/// bytes (a 1M-line import parses 3 GB: no document per line). A bad line gives the field and the reason.
/// </summary>
internal static class ImportLine
{
    public static ImportedFace? Parse(ReadOnlySpan<byte> utf8, int line, out string? field, out string? error)
    {
        field = "line";
        error = null;
        string? name = null, externalId = null, userData = null;
        float[]? descriptor = null;
        var seenDescriptor = false;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 32 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "A line must be one JSON object.";
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "name":
                        name = Text(ref reader, "name", out field, out error);
                        break;
                    case "externalId":
                        externalId = Text(ref reader, "externalId", out field, out error);
                        break;
                    case "userData":
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        // After Skip the reader has consumed the whole value, whatever its kind.
                        userData = reader.TokenType == JsonTokenType.Null ? null : Encoding.UTF8.GetString(utf8[start..(int)reader.BytesConsumed]);
                        break;
                    case "descriptor":
                        seenDescriptor = true;
                        descriptor = Descriptor(ref reader, out error);
                        field = "descriptor";
                        break;
                    default:
                        field = "line";
                        error = "Unknown property; a line holds name, externalId, descriptor and optionally userData.";
                        return null;
                }

                if (error is not null)
                {
                    return null;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = "A line must be one JSON object and nothing more.";
                return null;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Utf8JsonReader throws InvalidOperationException (not JsonException) when a string holds invalid
            // UTF-8 or a lone surrogate: that is this line's error too, never the whole import's.
            field = "line";
            error = ex is JsonException ? "The line is not valid JSON." : "The line holds text that is not valid UTF-8 (or a lone surrogate escape).";
            return null;
        }

        var checks = new[]
        {
            ("name", FaceFields.NameError(name)),
            ("externalId", FaceFields.ExternalIdError(externalId)),
            ("descriptor", seenDescriptor ? null : "descriptor is required: base64 of 512 little-endian float32."),
            ("userData", FaceFields.UserDataError(userData, out var normalised)),
        };
        foreach (var (checkedField, problem) in checks)
        {
            if (problem is not null)
            {
                (field, error) = (checkedField, problem);
                return null;
            }
        }

        field = null;
        return new ImportedFace(line, name!.Trim(), string.IsNullOrEmpty(externalId) ? null : externalId, normalised, descriptor!);
    }

    private static string? Text(ref Utf8JsonReader reader, string name, out string field, out string? error)
    {
        field = name;
        error = reader.TokenType is JsonTokenType.String or JsonTokenType.Null ? null : $"{name} must be a string.";
        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    private static float[]? Descriptor(ref Utf8JsonReader reader, out string? error)
    {
        error = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            error = "descriptor must be a base64 string of 512 little-endian float32 (2048 bytes).";
            return null;
        }

        // Serialisers escape '+' and '/' (System.Text.Json writes \u002B): unescape into a small buffer first.
        // (An escape is 6 bytes for 1: the line cap bounds the heap copy of a heavily escaped value.)
        Span<byte> unescaped = reader.ValueSpan.Length <= 2800 ? stackalloc byte[2800] : new byte[reader.ValueSpan.Length];
        var length = reader.ValueIsEscaped ? reader.CopyString(unescaped) : reader.ValueSpan.Length;
        if (length > 2800)
        {
            error = $"descriptor must be base64 of exactly {DescriptorCodec.ByteLength} bytes.";
            return null;
        }

        var text = reader.ValueIsEscaped ? unescaped[..length] : reader.ValueSpan;
        Span<byte> bytes = stackalloc byte[2100];
        var status = Base64.DecodeFromUtf8(text, bytes, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done)
        {
            error = status == System.Buffers.OperationStatus.DestinationTooSmall ? $"descriptor must be base64 of exactly {DescriptorCodec.ByteLength} bytes." : "descriptor is not valid base64.";
            return null;
        }

        if (written != DescriptorCodec.ByteLength)
        {
            error = $"descriptor must be {DescriptorCodec.ByteLength} bytes (512 float32), not {written}.";
            return null;
        }

        // On little-endian hosts the bytes are the floats already (a million lines: no per-value decoding).
        var floats = BitConverter.IsLittleEndian ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes[..written]).ToArray() : DescriptorCodec.ToFloats(bytes[..written]);
        return DescriptorCodec.TryNormalise(floats, out error) ? floats : null;
    }
}
