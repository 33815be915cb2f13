using System.Net;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Host;

/// <summary>
/// Refusals and errors are application/problem+json whatever the Accept header asks for: a client that
/// wants an event stream or an image still learns why it got none, and the host never turns the refusal
/// into a 500 because no writer "could" write JSON.
/// </summary>
public abstract class AnyAcceptProblemTests(HostFixture fixture)
{
    private LunaPointFactory Factory => fixture.Factory;

    public static TheoryData<string, string, bool, int> Cases()
    {
        var cases = new TheoryData<string, string, bool, int>();
        foreach (var accept in new[] { "text/event-stream", "image/png" })
        {
            cases.Add(accept, "/api/v1/alerts", false, 401);
            cases.Add(accept, "/api/v1/streams", false, 401);
            cases.Add(accept, $"/api/v1/alerts/{Guid.NewGuid()}", true, 404);
            cases.Add(accept, "/api/v1/alerts?ruleId=not-a-guid", true, 400);
            cases.Add(accept, "/api/v1/no-such-thing", true, 404);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refusal_IsProblemJson_WhateverTheAccept(string accept, string path, bool signedIn, int status)
    {
        using var client = signedIn ? await Factory.CreateClientAsAsync(Roles.Viewer) : Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.DoesNotContain(Factory.Logs.Lines, line =>
            line.Message.Contains("IProblemDetailsWriter", StringComparison.Ordinal)
            || line.Exception?.ToString().Contains("IProblemDetailsWriter", StringComparison.Ordinal) == true);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class AnyAcceptProblemTestsOnPostgres(PostgresHostFixture fixture) : AnyAcceptProblemTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class AnyAcceptProblemTestsOnSqlite(SqliteHostFixture fixture) : AnyAcceptProblemTests(fixture);
