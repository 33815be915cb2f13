using System.Net;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Auth;

/// <summary>
/// A token in the URL (access_token) is taken on a live feed's WebSocket upgrade only: never because of an
/// Accept header, never on a POST, never on a REST endpoint even when the request claims an upgrade.
/// </summary>
public abstract class QueryTokenTests(HostFixture fixture)
{
    private LunaPointFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("text/event-stream")]
    [InlineData("application/json")]
    public async Task RestEndpoint_IgnoresAQueryToken_WhateverTheAccept(string accept)
    {
        var token = await Factory.GetTokenAsync("admin", LunaPointFactory.AdminPassword);
        using var client = Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users?access_token=" + token);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RestEndpoint_IgnoresAQueryToken_OnARequestClaimingAWebSocketUpgrade()
    {
        var token = await Factory.GetTokenAsync("admin", LunaPointFactory.AdminPassword);
        using var client = Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users?access_token=" + token);
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithAQueryToken_IsNotAuthenticated()
    {
        var token = await Factory.GetTokenAsync(await Factory.CreateUserAsync(Roles.Operator), AuthClients.Password);
        using var client = Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/alerts/{Guid.NewGuid()}/acknowledge?access_token={token}")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");

        using var response = await client.SendAsync(request);

        // Authenticated, an unknown alert would be 404; the token was not taken.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class QueryTokenTestsOnPostgres(PostgresHostFixture fixture) : QueryTokenTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class QueryTokenTestsOnSqlite(SqliteHostFixture fixture) : QueryTokenTests(fixture);
