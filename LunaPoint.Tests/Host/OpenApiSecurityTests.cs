using System.Text.Json;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Host;

/// <summary>The OpenAPI document says how to authenticate and what a protected operation answers without it.</summary>
public abstract class OpenApiSecurityTests(HostFixture fixture)
{
    [Fact]
    public async Task Document_DeclaresBearerAndApiKeySchemes()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes");

        var bearer = schemes.GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var apiKey = schemes.GetProperty("ApiKey");
        Assert.Equal("apiKey", apiKey.GetProperty("type").GetString());
        Assert.Equal("header", apiKey.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", apiKey.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/v1/users", "get")]
    [InlineData("/api/v1/users", "post")]
    [InlineData("/api/v1/streams", "get")]
    [InlineData("/api/v1/license", "get")]
    public async Task ProtectedOperation_AcceptsEitherScheme_AndDocuments401And403Problems(string path, string method)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        var requirements = operation.GetProperty("security").EnumerateArray().Select(r => string.Join(",", r.EnumerateObject().Select(p => p.Name))).ToList();
        Assert.Equal(["Bearer", "ApiKey"], requirements);
        foreach (var status in new[] { "401", "403" })
        {
            var content = operation.GetProperty("responses").GetProperty(status).GetProperty("content");
            Assert.True(content.TryGetProperty("application/problem+json", out var problem), $"{method} {path} {status}: {content}");
            Assert.True(problem.GetProperty("schema").TryGetProperty("$ref", out _));
        }
    }

    [Fact]
    public async Task AnonymousOperation_NeedsNoScheme()
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/auth/token").GetProperty("post");

        Assert.False(operation.TryGetProperty("security", out _));
        Assert.False(operation.GetProperty("responses").TryGetProperty("403", out _));
    }

    [Fact]
    public async Task EveryOperation_UnderApiV1_ButTheAnonymousOnes_IsProtected()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject();
        var unprotected = paths
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal) && !o.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
            .Where(o => !o.Operation.TryGetProperty("security", out _))
            .Select(o => $"{o.Method} {o.Path}")
            .ToList();

        Assert.Empty(unprotected);
    }

    [Fact]
    public async Task ApiReference_HidesTheVendorsPromotions()
    {
        var html = await fixture.Factory.CreateAnonymousClient().GetStringAsync("/scalar/v1");

        Assert.Contains("\"hideClientButton\":true", html);
        Assert.Contains("\"telemetry\":false", html);
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await fixture.Factory.CreateAnonymousClient().GetStringAsync("/openapi/v1.json")).RootElement;
}

[Collection(PostgresCollection.Name)]
public sealed class OpenApiSecurityTestsOnPostgres(PostgresHostFixture fixture) : OpenApiSecurityTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class OpenApiSecurityTestsOnSqlite(SqliteHostFixture fixture) : OpenApiSecurityTests(fixture);
