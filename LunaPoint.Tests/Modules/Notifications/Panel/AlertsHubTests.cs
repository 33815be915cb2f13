using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LunaPoint.Tests.Modules.Notifications.Panel;

/// <summary>The live feed with the real SignalR .NET client over the test server (long polling).</summary>
public abstract class AlertsHubTests(HostFixture fixture)
{
    private LunaPointFactory Factory => fixture.Factory;

    private HubConnection Connect(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.Server.BaseAddress, "/api/v1/alerts/live"), options =>
            {
                options.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

    [Fact]
    public async Task SignedInViewer_ReceivesAlertAcknowledged_AfterARestAcknowledge()
    {
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await AlertSeed.AddAsync(Factory, alert);
        var viewer = await Factory.CreateUserAsync(Roles.Viewer);
        await using var connection = Connect(await Factory.GetTokenAsync(viewer, AuthClients.Password));
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("alertAcknowledged", ack =>
        {
            if (ack.GetProperty("alertId").GetString() == alert.Id.ToString())
            {
                received.TrySetResult(ack);
            }
        });
        await connection.StartAsync();
        using var op = await Factory.CreateClientAsAsync(Roles.Operator);

        using var response = await op.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = "On my way" });
        response.EnsureSuccessStatusCode();

        var ack = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("On my way", ack.GetProperty("comment").GetString());
        Assert.Equal((await AlertSeed.JsonAsync(response)).GetProperty("by").GetString(), ack.GetProperty("by").GetString());
    }

    [Fact]
    public async Task AnonymousConnection_IsRefused()
    {
        await using var connection = Connect(token: null);

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refusal.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class AlertsHubTestsOnPostgres(PostgresHostFixture fixture) : AlertsHubTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class AlertsHubTestsOnSqlite(SqliteHostFixture fixture) : AlertsHubTests(fixture);
