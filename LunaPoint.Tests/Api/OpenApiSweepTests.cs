using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Api;

/// <summary>
/// Walks every operation of the published OpenAPI document as an administrator and sends it malformed but
/// parseable input (see <see cref="SweepCases"/>). Bad input must never be a 5xx, every 4xx must be
/// problem+json, and no answer may name our internal types. New endpoints are swept without a line here.
/// </summary>
public abstract class OpenApiSweepTests(HostFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] InternalNames = ["LunaPoint.", "System.", "Microsoft.", "Did you mean", " command\"", "StackTrace"];

    [Fact]
    public async Task EveryOperation_WithMalformedInput_AnswersWithoutServerErrorAndWithProblemJson()
    {
        var factory = fixture.Factory;
        // The sweep's own administrator: no operation is aimed at its id, so its token stays valid while
        // the sweep disables, demotes and deletes everything else it can reach.
        var userName = await factory.CreateUserAsync(Roles.Administrator);
        using var client = factory.CreateClientWithToken(await factory.GetTokenAsync(userName, AuthClients.Password));
        var ids = await CreateTargetsAsync(factory, client);

        var document = (JsonObject)JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var cases = new SweepCases(document);
        var operations = Operations(document).OrderBy(o => o.Method == "DELETE").ThenBy(o => o.Path).ToList();
        Assert.True(operations.Count >= 15, $"the OpenAPI document lists only {operations.Count} operations");

        var failures = new List<(string Kind, string Line)>();
        var sent = 0;
        foreach (var (method, path, operation) in operations)
        {
            var realPath = RealPath(path, ids);
            foreach (var request in cases.For(method, path, operation, realPath))
            {
                sent++;
                if (await CheckAsync(client, request, path) is { } failure)
                {
                    failures.Add(failure);
                }
            }

            // The sweep's administrator must still be signed in, or later answers would be 401s that prove nothing.
            using var probe = await client.GetAsync("/api/v1/users?pageSize=1");
            Assert.True(probe.IsSuccessStatusCode, $"the sweep's token stopped working after {method} {path}: {(int)probe.StatusCode}");
        }

        output.WriteLine($"{fixture.Provider}: {operations.Count} operations, {sent} requests, {failures.Count} failures");
        // One line per kind of failure and operation (the first example), so a class of bug reads as one line.
        var distinct = failures.GroupBy(f => f.Kind).Select(g => $"{g.Count()} x {g.First().Line}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests on {fixture.Provider} failed, {distinct.Count} kinds:\n" + string.Join("\n", distinct));
    }

    private static async Task<(string Kind, string Line)?> CheckAsync(HttpClient client, SweepRequest request, string template)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            // Sent as written: a spelling with parameters is one the sweep chose on purpose.
            var type = request.ContentType ?? "application/json";
            message.Content.Headers.Remove("Content-Type");
            message.Content.Headers.TryAddWithoutValidation("Content-Type", type.Contains(';', StringComparison.Ordinal) ? type : type + "; charset=utf-8");
        }

        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType?.MediaType;
        var problem = status >= 500 ? "5xx"
            : status >= 400 && contentType != "application/problem+json" ? $"4xx as {contentType ?? "no content type"}"
            : status >= 400 && InternalNames.FirstOrDefault(n => body.Contains(n, StringComparison.Ordinal)) is { } name ? $"names internals ({name})"
            : null;
        // The kind leaves out the property and the value: "$.name = NUL string" and "$.type = NUL string" are one kind.
        var kind = $"{problem} {status} {request.Method} {template} {System.Text.RegularExpressions.Regex.Replace(request.Case, "^\\$[^ ]* = |^query [^=]*=|^route [^=]*= ", "")}";
        return problem is null ? null
            : (kind, $"{problem}: {request.Method} {Shorten(request.Url)} [{request.Case}] body {Shorten(request.Body ?? "-")} -> {status} {Shorten(body)}");
    }

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && method is "get" or "post" or "put" or "patch" or "delete")
                {
                    yield return (method.ToUpperInvariant(), path, op);
                }
            }
        }
    }

    /// <summary>Things for the operations to act on, so route ids reach handlers and rows, not only 404s.</summary>
    private static async Task<Dictionary<string, string>> CreateTargetsAsync(LunaPointFactory factory, HttpClient client)
    {
        var ids = new Dictionary<string, string>();
        using (var stream = await client.PostAsync("/api/v1/streams", Json(
                   """{"name":"Sweep camera","type":"rtsp","source":"rtsp://camera.invalid/live","enabled":false}""")))
        {
            ids["/api/v1/streams/"] = await IdOfAsync(stream);
        }

        using (var key = await client.PostAsync("/api/v1/api-keys", Json("""{"name":"Sweep key","role":"Operator"}""")))
        {
            ids["/api/v1/api-keys/"] = await IdOfAsync(key);
        }

        var victim = await factory.CreateUserAsync(Roles.Operator);
        using var users = await client.GetAsync($"/api/v1/users?search={victim}");
        var list = JsonDocument.Parse(await users.Content.ReadAsStringAsync());
        ids["/api/v1/users/"] = list.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
        return ids;
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"creating a sweep target: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static string RealPath(string template, Dictionary<string, string> ids)
    {
        var id = ids.FirstOrDefault(i => template.StartsWith(i.Key, StringComparison.Ordinal)).Value ?? Guid.NewGuid().ToString();
        return System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", id);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Shorten(string text)
    {
        text = text.Replace("\0", "\\0", StringComparison.Ordinal);
        return text.Length > 300 ? text[..300] + $"…({text.Length} chars)" : text;
    }
}

public sealed class SweepPostgresHost() : HostFixture(DatabaseProvider.Postgres);

public sealed class SweepSqliteHost() : HostFixture(DatabaseProvider.Sqlite);

/// <summary>A host of its own: the sweep changes and deletes what it finds.</summary>
public sealed class OpenApiSweepTestsOnPostgres(SweepPostgresHost fixture, ITestOutputHelper output)
    : OpenApiSweepTests(fixture, output), IClassFixture<SweepPostgresHost>;

public sealed class OpenApiSweepTestsOnSqlite(SweepSqliteHost fixture, ITestOutputHelper output)
    : OpenApiSweepTests(fixture, output), IClassFixture<SweepSqliteHost>;
