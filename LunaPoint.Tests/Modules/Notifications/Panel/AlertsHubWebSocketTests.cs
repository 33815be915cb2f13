using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Panel;

/// <summary>
/// The live feed as a browser reaches it: a real WebSocket to the host on Kestrel (loopback), no
/// negotiation, the token only in the URL's access_token (a browser cannot set headers on a WebSocket).
/// </summary>
public abstract class AlertsHubWebSocketTests(KestrelHostFixture fixture)
{
    private HubConnection Connect(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.BaseUrl + "/api/v1/alerts/live" + (token is null ? "" : "?access_token=" + Uri.EscapeDataString(token))), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();

    [Fact]
    public async Task TokenInTheQuery_OpensTheWebSocket_AndAcknowledgementsArrive()
    {
        var factory = fixture.Factory;
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await AlertSeed.AddAsync(factory, alert);
        var viewer = await factory.CreateUserAsync(Roles.Viewer);
        await using var connection = Connect(await factory.GetTokenAsync(viewer, AuthClients.Password));
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("alertAcknowledged", ack =>
        {
            if (ack.GetProperty("alertId").GetString() == alert.Id.ToString())
            {
                received.TrySetResult(ack);
            }
        });

        await connection.StartAsync();
        Assert.Equal(HubConnectionState.Connected, connection.State);
        using var operatorClient = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", await factory.GetTokenAsync(await factory.CreateUserAsync(Roles.Operator), AuthClients.Password));
        using var response = await operatorClient.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = "Seen on the wall" });
        response.EnsureSuccessStatusCode();

        var ack = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Seen on the wall", ack.GetProperty("comment").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    public async Task NoOrInvalidToken_IsRefused(string? token)
    {
        await using var connection = Connect(token);

        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("401", refusal.ToString(), StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }
}

/// <summary>The host on Kestrel at 127.0.0.1 on a free port, for clients that need a real socket.</summary>
public abstract class KestrelHostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public LunaPointFactory Factory { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Factory = new LunaPointFactory(await TestDatabase.CreateAsync(provider));
        Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        await Factory.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class PostgresKestrelHostFixture() : KestrelHostFixture(DatabaseProvider.Postgres);

public sealed class SqliteKestrelHostFixture() : KestrelHostFixture(DatabaseProvider.Sqlite);

public sealed class AlertsHubWebSocketTestsOnPostgres(PostgresKestrelHostFixture fixture)
    : AlertsHubWebSocketTests(fixture), IClassFixture<PostgresKestrelHostFixture>;

public sealed class AlertsHubWebSocketTestsOnSqlite(SqliteKestrelHostFixture fixture)
    : AlertsHubWebSocketTests(fixture), IClassFixture<SqliteKestrelHostFixture>;
