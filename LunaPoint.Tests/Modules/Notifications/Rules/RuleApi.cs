using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LunaPoint.Tests.Modules.Notifications.Rules;

/// <summary>Calls and checks the rule tests share.</summary>
internal static class RuleApi
{
    public const string Rules = "/api/v1/notification-rules";

    /// <summary>A rule that passes validation; cases merge a patch onto it (RFC 7396: arrays replace).</summary>
    public static JsonObject ValidRule(string? name = null) => JsonNode.Parse($$"""
        {
          "name": "{{name ?? "Rule " + Guid.NewGuid().ToString("N")[..8]}}",
          "trigger": "watchlistMatch",
          "channels": [{ "type": "console" }, { "type": "email", "recipients": ["ops@example.com"] }]
        }
        """)!.AsObject();

    public static JsonObject Merge(JsonObject target, string patchJson)
    {
        Merge(target, JsonNode.Parse(patchJson)!.AsObject());
        return target;
    }

    public static StringContent Json(JsonNode body, string mediaType = "application/json") => new(body.ToJsonString(), Encoding.UTF8, mediaType);

    public static StringContent Json(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>A 400 problem+json whose errors name <paramref name="field"/>.</summary>
    public static async Task<JsonElement> ExpectFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"expected an error naming {field}: {body}");
        return body;
    }

    public static async Task<JsonElement> CreateAsync(HttpClient client, JsonObject rule) =>
        await ExpectAsync(await client.PostAsync(Rules, Json(rule)), HttpStatusCode.Created);

    public static async Task DeleteAllAsync(HttpClient client)
    {
        var list = await ExpectAsync(await client.GetAsync($"{Rules}?pageSize=500"), HttpStatusCode.OK);
        foreach (var rule in list.GetProperty("items").EnumerateArray())
        {
            await ExpectAsync(await client.DeleteAsync($"{Rules}/{rule.GetProperty("id").GetString()}"), HttpStatusCode.NoContent);
        }
    }

    public static async Task<JsonElement> CreateListAsync(HttpClient client, string name) =>
        await ExpectAsync(await client.PostAsJsonAsync("/api/v1/lists", new { name }), HttpStatusCode.Created);

    public static async Task<JsonElement> CreateStreamAsync(HttpClient client, string name) =>
        await ExpectAsync(await client.PostAsJsonAsync("/api/v1/streams", new { name, type = "rtsp", source = $"rtsp://127.0.0.1:8554/{Guid.NewGuid():N}", enabled = false }), HttpStatusCode.Created);

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject p && target[key] is JsonObject t)
            {
                Merge(t, p);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
