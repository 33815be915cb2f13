using System.Text;
using System.Text.Json.Nodes;

namespace LunaPoint.Tests.Api;

/// <summary>One request of the sweep: what to send, and a label for the failure report.</summary>
public sealed record SweepRequest(string Method, string Url, string? ContentType, string? Body, string Case);

/// <summary>
/// Builds malformed-but-parseable requests for one OpenAPI operation from its own schema: every query
/// parameter at its extremes, every route value wrong, and a body with each property, at every depth,
/// replaced by null, the wrong type, a NUL-containing string, a 100k-character string, an empty object or
/// [null]; plus whole-body oddities (null, {}, [null], duplicate and case-variant keys, deep nesting).
/// </summary>
public sealed class SweepCases(JsonObject document)
{
    private const int MaxDepth = 4;

    /// <summary>
    /// Valid values for string fields whose schema cannot say what is valid, so the well-formed body gets past
    /// validation and its variants reach the handlers and the database, not only the validators.
    /// </summary>
    private static readonly Dictionary<string, string> KnownValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["type"] = "rtsp",
        ["source"] = "rtsp://camera.invalid/live",
        ["role"] = "Operator",
        ["webhookUrl"] = "https://hooks.invalid/sweep",
        ["rtspTransport"] = "tcp",
        ["password"] = "Sweep-Password-123",
        ["newPassword"] = "Sweep-Password-456",
    };

    private static readonly string[] QueryValues =
        ["0", "-1", "2147483647", "44739243", "9223372036854775808", "%00", "a%00b", new string('x', 5000), "not-a-value", ""];

    // No NUL here: %00 in a path is refused by the server's URL decoder (Kestrel and TestServer) before the app.
    private static readonly (string Label, string Value)[] RouteValues =
        [("non-GUID", "not-a-guid"), ("all-zero GUID", Guid.Empty.ToString()), ("long", new string('7', 5000))];

    public IEnumerable<SweepRequest> For(string method, string pathTemplate, JsonObject operation, string realPath)
    {
        var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();

        // Route values: each one wrong in turn, with an otherwise well-formed request.
        var baseline = SampleBody(operation, pathTemplate);
        var contentType = baseline is null ? null : ContentType(operation);
        foreach (var route in parameters.Where(p => (string?)p["in"] == "path"))
        {
            foreach (var (label, value) in RouteValues)
            {
                var url = pathTemplate.Replace("{" + (string)route["name"]! + "}", value, StringComparison.Ordinal);
                yield return new SweepRequest(method, url, contentType, baseline?.ToJsonString(), $"route {route["name"]} = {label}");
            }
        }

        // Query values: each parameter at each extreme, the others absent.
        foreach (var query in parameters.Where(p => (string?)p["in"] == "query"))
        {
            foreach (var value in QueryValues)
            {
                var shown = value.Length > 40 ? $"<{value.Length} chars>" : value;
                yield return new SweepRequest(method, $"{realPath}?{query["name"]}={value}", contentType, baseline?.ToJsonString(), $"query {query["name"]}={shown}");
            }
        }

        if (baseline is null)
        {
            yield return new SweepRequest(method, realPath, null, null, "no body");
            yield break;
        }

        foreach (var (label, body) in BodyCases(baseline))
        {
            yield return new SweepRequest(method, realPath, contentType, body, label);
        }

        // One odd but valid spelling of a JSON type (case, a space before ';', a +json suffix): the binder
        // reads it as JSON, so the body guard must too.
        const string odd = "Application/Vnd.Sweep+JSON ;charset=utf-8";
        yield return new SweepRequest(method, realPath, odd, baseline.ToJsonString(), $"well-formed body as {odd}");
        if (baseline is JsonObject { Count: > 0 } top)
        {
            var (name, value) = top.First();
            yield return new SweepRequest(method, realPath, odd, InsertIntoObject(top, "$", $"\"{name}\":{value?.ToJsonString() ?? "null"}"), $"duplicate key {name} as {odd}");
        }
    }

    private static IEnumerable<(string Label, string Body)> BodyCases(JsonNode baseline)
    {
        yield return ("well-formed body", baseline.ToJsonString());
        yield return ("body null", "null");
        yield return ("body {}", "{}");
        yield return ("body []", "[]");
        yield return ("body [null]", "[null]");
        yield return ("body \"x\"", "\"x\"");
        yield return ("body empty", "");
        yield return ("body nested 200 deep", new string('[', 200) + new string(']', 200));
        yield return ("body objects nested 200 deep", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200));

        // A root array (import): its elements get the object cases, inside an array.
        var (root, wrap) = baseline is JsonArray { Count: > 0 } array && array[0] is JsonObject first
            ? (first, (Func<string, string>)(s => "[" + s + "]"))
            : (baseline as JsonObject, s => s);
        if (root is null)
        {
            yield break;
        }

        if (baseline is JsonArray)
        {
            yield return ("body [{}]", "[{}]");
            yield return ("body [well-formed, null]", "[" + root.ToJsonString() + ",null]");
        }

        foreach (var (path, _) in Walk(root, "$", 0))
        {
            foreach (var (label, replacement) in Replacements())
            {
                var copy = root.DeepClone().AsObject();
                Set(copy, path, replacement);
                yield return ($"{path} = {label}", wrap(copy.ToJsonString()));
            }
        }

        // Duplicate and case-variant keys at the top level and in every nested object.
        foreach (var (path, node) in Walk(root, "$", 0).Prepend(("$", root)))
        {
            if (node is JsonObject { Count: > 0 } obj)
            {
                var (name, value) = obj.First();
                var json = value?.ToJsonString() ?? "null";
                var dup = InsertIntoObject(root, path, $"\"{name}\":{json}");
                var variant = InsertIntoObject(root, path, $"\"{name.ToUpperInvariant()}\":{json}");
                yield return ($"{path}: duplicate key {name}", wrap(dup));
                yield return ($"{path}: case-variant key {name.ToUpperInvariant()}", wrap(variant));
            }
        }
    }

    private static IEnumerable<(string Label, Func<JsonNode?> Value)> Replacements() =>
    [
        ("null", () => null),
        ("wrong type (object)", () => new JsonObject()),
        ("wrong type (string)", () => "not-the-right-type"),
        ("wrong type (number)", () => 12345678901234567890d),
        ("NUL string", () => "a\0b"),
        ("100k string", () => new string('a', 100_000)),
        ("[null]", () => new JsonArray((JsonNode?)null)),
        ("[null,null,null]", () => new JsonArray(null, null, null)),
        ("-1", () => -1),
        ("2147483648", () => 2147483648L),
    ];

    /// <summary>Every property path under <paramref name="node"/> ("$.settings.roi.points[0].x").</summary>
    private static IEnumerable<(string Path, JsonNode? Node)> Walk(JsonNode? node, string path, int depth)
    {
        if (depth >= MaxDepth)
        {
            yield break;
        }

        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                var childPath = $"{path}.{name}";
                yield return (childPath, child);
                foreach (var inner in Walk(child, childPath, depth + 1))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray { Count: > 0 } array)
        {
            var childPath = $"{path}[0]";
            yield return (childPath, array[0]);
            foreach (var inner in Walk(array[0], childPath, depth + 1))
            {
                yield return inner;
            }
        }
    }

    private static void Set(JsonNode root, string path, Func<JsonNode?> value)
    {
        var (parent, last) = Navigate(root, path);
        if (last.StartsWith('['))
        {
            parent!.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value();
        }
        else
        {
            parent!.AsObject()[last] = value();
        }
    }

    /// <summary>The JSON text of <paramref name="root"/> with <paramref name="member"/> added again at the start of the object at <paramref name="path"/>.</summary>
    private static string InsertIntoObject(JsonObject root, string path, string member)
    {
        const string marker = "__sweep_marker__";
        var copy = root.DeepClone().AsObject();
        var target = path == "$" ? copy : Navigate(copy, path) is var (parent, last) && last.StartsWith('[')
            ? parent!.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)]!.AsObject()
            : parent!.AsObject()[last]!.AsObject();
        target.Insert(0, marker, 0);
        return copy.ToJsonString().Replace($"\"{marker}\":0", member, StringComparison.Ordinal);
    }

    private static (JsonNode? Parent, string Last) Navigate(JsonNode root, string path)
    {
        var segments = Segments(path).ToList();
        JsonNode? current = root;
        foreach (var segment in segments[..^1])
        {
            current = segment.StartsWith('[')
                ? current!.AsArray()[int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture)]
                : current!.AsObject()[segment];
        }

        return (current, segments[^1]);
    }

    private static IEnumerable<string> Segments(string path)
    {
        var text = new StringBuilder();
        foreach (var c in path[1..])
        {
            if (c is '.' or '[')
            {
                if (text.Length > 0)
                {
                    yield return text.ToString();
                }

                text.Clear();
                if (c == '.')
                {
                    continue;
                }
            }

            text.Append(c);
        }

        if (text.Length > 0)
        {
            yield return text.ToString();
        }
    }

    private static string ContentType(JsonObject operation) =>
        operation["requestBody"]?["content"] is JsonObject content && !content.ContainsKey("application/json")
            ? content.First().Key
            : "application/json";

    /// <summary>A well-formed body from the schema; a free-form object borrows the schema of another operation on the same path.</summary>
    private JsonNode? SampleBody(JsonObject operation, string pathTemplate)
    {
        if (operation["requestBody"]?["content"] is not JsonObject content || content.Count == 0)
        {
            return null;
        }

        var schema = (content["application/json"] ?? content.First().Value)?["schema"];
        var sample = Sample(schema, 0, null);
        if (sample is JsonObject { Count: 0 } && document["paths"]?[pathTemplate] is JsonObject siblings)
        {
            var borrowed = siblings
                .Select(s => s.Value?["requestBody"]?["content"]?["application/json"]?["schema"])
                .Select(s => Sample(s, 0, null))
                .OfType<JsonObject>()
                .FirstOrDefault(o => o.Count > 0);
            sample = borrowed ?? sample;
        }

        return sample;
    }

    private JsonNode? Sample(JsonNode? schema, int depth, string? name)
    {
        schema = Resolve(schema);
        if (schema is not JsonObject s || depth > 6)
        {
            return new JsonObject();
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (s[combinator] is JsonArray options)
            {
                var chosen = options.Select(Resolve).FirstOrDefault(o => Type(o) != "null");
                return Sample(chosen, depth, name);
            }
        }

        if (s["enum"] is JsonArray { Count: > 0 } values)
        {
            return values[0]?.DeepClone();
        }

        return Type(s) switch
        {
            "string" => (string?)s["format"] switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date-time" => DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
                "uri" => "https://example.invalid/hook",
                _ => name is not null && KnownValues.TryGetValue(name, out var known) ? known : $"sweep-{Guid.NewGuid():N}"[..20],
            },
            "integer" => 1,
            "number" => 0.5,
            "boolean" => true,
            "array" => new JsonArray(Sample(s["items"], depth + 1, null)),
            _ => SampleObject(s, depth),
        };
    }

    private JsonObject SampleObject(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            result[name] = Sample(property, depth + 1, name);
        }

        return result;
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema?["$ref"] is JsonValue reference; i++)
        {
            var name = ((string)reference!)["#/components/schemas/".Length..];
            schema = document["components"]?["schemas"]?[name];
        }

        return schema;
    }

    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue single => (string?)single,
        JsonArray many => many.Select(t => (string?)t).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema?["properties"] is not null ? "object" : null,
    };
}
