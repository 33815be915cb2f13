using System.Text.Json;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Detection.PhotoApi;

/// <summary>The OpenAPI document of POST /api/v1/detections says what the wire does: estimate is a query parameter, the states are lower-case, the descriptor optional.</summary>
public abstract class PhotoOpenApiTests(HostFixture fixture)
{
    [Fact]
    public async Task Detections_ListsEstimate_LowerCaseStates_AndAnOptionalDescriptor()
    {
        using var client = fixture.Factory.CreateAnonymousClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var post = root.GetProperty("paths").GetProperty("/api/v1/detections").GetProperty("post");
        var parameters = post.GetProperty("parameters").EnumerateArray().ToList();
        var estimate = Assert.Single(parameters, p => p.GetProperty("name").GetString() == "estimate");
        Assert.Equal("query", estimate.GetProperty("in").GetString());
        Assert.Equal("array", estimate.GetProperty("schema").GetProperty("type").GetString());

        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.Equal("real,spoof,unknown", Enum(schemas, "LivenessState"));
        Assert.Equal("open,closed,unknown", Enum(schemas, "EyeState"));
        var face = schemas.GetProperty("PhotoFace");
        var required = face.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()).ToList() : [];
        Assert.Contains("bbox", required);
        Assert.DoesNotContain("descriptor", required);
        Assert.DoesNotContain("estimates", required);
    }

    private static string Enum(JsonElement schemas, string name) =>
        string.Join(",", schemas.GetProperty(name).GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
}

[Collection(PostgresCollection.Name)]
public sealed class PhotoOpenApiTestsOnPostgres(PostgresHostFixture fixture) : PhotoOpenApiTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class PhotoOpenApiTestsOnSqlite(SqliteHostFixture fixture) : PhotoOpenApiTests(fixture);
