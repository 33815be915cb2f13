using System.Collections.Concurrent;
using System.Text.Json;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static LunaPoint.Tests.Modules.Notifications.Dispatch.DispatchKit;

namespace LunaPoint.Tests.Modules.Notifications.Dispatch;

public abstract partial class DispatchTests
{
    [Fact]
    public async Task ConsoleChannel_PushesTheAlertToAConnectedSignalRClient_SignedInWithABearerToken()
    {
        using var meter = new SentCounter();
        var token = await Factory.GetTokenAsync(await Factory.CreateUserAsync("Viewer"), AuthClients.Password);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.Server.BaseAddress, "/api/v1/alerts/live"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var received = new ConcurrentQueue<JsonElement>();
        connection.On<JsonElement>("alertRaised", alert => received.Enqueue(alert));
        await connection.StartAsync();

        var rule = await AddRuleAsync(Factory, Console());
        var (alertId, deliveries) = await RaiseAsync(Factory, rule, "Watchlisted at Gate 2");
        await Poll.UntilAsync(() => received.Any(a => a.GetProperty("id").GetGuid() == alertId), "the live alert never arrived");

        var alert = received.Single(a => a.GetProperty("id").GetGuid() == alertId);
        Assert.Equal("Watchlisted at Gate 2", alert.GetProperty("title").GetString());
        Assert.Equal("watchlistMatch", alert.GetProperty("trigger").GetString());
        Assert.Equal(0.91, alert.GetProperty("similarity").GetDouble(), 3);
        await UntilStatusAsync(Factory, Assert.Single(deliveries), DeliveryStatus.Sent, "the console row was not marked sent");
        Assert.True(meter.Console >= 1);
    }
}
