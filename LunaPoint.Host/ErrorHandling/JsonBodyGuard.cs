using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>
/// Refuses a JSON body holding U+0000 or a lone surrogate in any string or property name, or an object with
/// a repeated key (also one differing only in case: names bind case-insensitively), naming its JSON path,
/// before any endpoint reads it. PostgreSQL cannot store either (22021, a 500 after the fact), and no
/// field of ours means anything with them. Done on the raw body rather than in a serializer converter, so
/// it also covers bodies read as JsonObject (merge patches) and leaves the OpenAPI schemas untouched.
/// Malformed JSON passes through: the endpoint's reader reports it with its own position.
/// </summary>
internal static class JsonBodyGuard
{
    public const string NulMessage = "must not contain NUL (U+0000) characters.";

    public static IApplicationBuilder UseJsonBodyGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsJson(context.Request))
            {
                await next(context);
                return;
            }

            if (!IsUtf8(context.Request))
            {
                // Other encodings are converted by the binder after this guard has read the raw bytes (a
                // UTF-16 body would carry NUL past it), and an unknown charset makes the binder throw (a 500).
                await LunaPoint.SharedKernel.Errors.ProblemResponses.WriteProblemAsync(
                    context, StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", "JSON bodies must be UTF-8: send charset=utf-8 or no charset.");
                return;
            }

            if (await FindRefusedAsync(context) is { } refusal)
            {
                await LunaPoint.SharedKernel.Errors.ProblemResponses.WriteValidationProblemAsync(
                    context, refusal.Field, $"The JSON body is malformed at {refusal.Path}: {refusal.Reason}");
                return;
            }

            await next(context);
        });

    /// <summary>
    /// The binders' own rule, not a string match of ours: minimal APIs bind whatever
    /// <see cref="HttpRequestJsonExtensions.HasJsonContentType(HttpRequest)"/> accepts (media type parsed,
    /// so case, spaces and parameters do not matter; application/json or any +json suffix), and MVC's
    /// formatter also reads text/json. A spelling the guard judged differently from the binder would let
    /// a bad body through to the endpoint.
    /// </summary>
    internal static bool IsJson(HttpRequest request) =>
        request.HasJsonContentType()
        || (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// No charset, or exactly <c>utf-8</c> (any case). Anything else is refused, a quoted "utf-8" too: the
    /// binder looks the value up as written and throws on what it does not know.
    /// </summary>
    internal static bool IsUtf8(HttpRequest request) =>
        !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        || !type.Charset.HasValue
        || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);

    private static async Task<(string Path, string Field, string Reason)?> FindRefusedAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        return Find(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    internal static (string Path, string Field, string Reason)? Find(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string>();
        var indexes = new Stack<int>();
        var names = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Enter(path, indexes, reader.TokenType == JsonTokenType.StartArray);
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            names.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            names.Pop();
                        }

                        Leave(path, indexes);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Name(ref reader);
                        path[^1] = "." + name;
                        if (!names.Peek().Add(name))
                        {
                            return Refusal(path, "the property appears more than once (names are case-insensitive).");
                        }

                        if (Problem(ref reader) is { } nameProblem)
                        {
                            return Refusal(path, "a property name " + nameProblem);
                        }

                        continue;
                    case JsonTokenType.String when Problem(ref reader) is { } valueProblem:
                        return Refusal(path, valueProblem);
                }

                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
                {
                    Advance(path, indexes);
                }
            }
        }
        catch (JsonException)
        {
            // Not valid JSON: the endpoint's binder refuses it with its own message.
        }

        return null;
    }

    private static string? Problem(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return null;
        }

        try
        {
            return reader.GetString()!.Contains('\0', StringComparison.Ordinal) ? NulMessage : null;
        }
        catch (InvalidOperationException)
        {
            return "holds an invalid character (an unpaired UTF-16 surrogate).";
        }
    }

    private static string Name(ref Utf8JsonReader reader)
    {
        try
        {
            var name = reader.GetString()!.Replace("\0", "", StringComparison.Ordinal);
            return name.Length > 100 ? name[..100] + "…" : name;
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    // The path is a list of segments: "" for the root, ".name" or "[i]" below it.
    private static void Enter(List<string> path, Stack<int> indexes, bool array)
    {
        indexes.Push(array ? 0 : -1);
        path.Add(array ? "[0]" : ".");
    }

    private static void Leave(List<string> path, Stack<int> indexes)
    {
        indexes.Pop();
        path.RemoveAt(path.Count - 1);
        Advance(path, indexes);
    }

    private static void Advance(List<string> path, Stack<int> indexes)
    {
        if (indexes.Count > 0 && indexes.Peek() >= 0)
        {
            var next = indexes.Pop() + 1;
            indexes.Push(next);
            path[^1] = $"[{next}]";
        }
    }

    private static (string Path, string Field, string Reason) Refusal(List<string> path, string reason)
    {
        var text = new StringBuilder("$");
        foreach (var segment in path.Where(s => s != "."))
        {
            text.Append(segment);
        }

        var full = text.ToString();
        return (full, full == "$" ? "body" : full.StartsWith("$.", StringComparison.Ordinal) ? full[2..] : full[1..], reason);
    }
}
