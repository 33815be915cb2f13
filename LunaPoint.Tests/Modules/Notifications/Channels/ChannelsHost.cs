using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Channels;

/// <summary>
/// The real host with its e-mail channel pointed at a loopback SMTP server and its Telegram channel at a
/// loopback stand-in of the Bot API. The SMTP settings row is host-wide: tests that change it put the
/// loopback settings back (<see cref="UseLoopbackSmtpAsync"/>) before they rely on them.
/// </summary>
public abstract class ChannelsHost(DatabaseProvider provider) : IAsyncLifetime
{
    public const string BotToken = "123456:TEST-secret-bot-token";
    public const string From = "alerts@lunapoint.test";
    public const string PublicBaseUrl = "https://console.example.invalid";

    internal LoopbackSmtpServer Smtp { get; private set; } = null!;
    internal TelegramStandIn Telegram { get; private set; } = null!;
    public LunaPointFactory Factory { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await LoopbackSmtpServer.StartAsync();
        Telegram = await TelegramStandIn.StartAsync();
        Factory = await LunaPointFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["LunaPoint:Notifications:Smtp:Host"] = "127.0.0.1",
            ["LunaPoint:Notifications:Smtp:Port"] = Smtp.Port.ToString(),
            ["LunaPoint:Notifications:Smtp:Security"] = "None",
            ["LunaPoint:Notifications:Smtp:From"] = From,
            ["LunaPoint:Notifications:Smtp:TimeoutSeconds"] = "10",
            ["LunaPoint:Notifications:PublicBaseUrl"] = PublicBaseUrl,
            ["LunaPoint:Notifications:TimeZone"] = "Europe/Berlin",
            ["LunaPoint:Notifications:Telegram:BotToken"] = BotToken,
            ["LunaPoint:Notifications:Telegram:ApiBaseUrl"] = Telegram.BaseUrl,
        });
        await Factory.WaitUntilReadyAsync();
        Admin = await Factory.CreateAdminClientAsync();
    }

    /// <summary>Saves the loopback server as the console's SMTP settings (no login), as the configuration has it.</summary>
    public async Task UseLoopbackSmtpAsync()
    {
        using var response = await Admin.PutAsJsonAsync("/api/v1/notifications/smtp",
            new { host = "127.0.0.1", port = Smtp.Port, security = "None", userName = "", password = "", from = From });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Sends through the host's real sender of <paramref name="channel"/>, as the dispatcher does.</summary>
    internal async Task SendAsync(ChannelType channel, Delivery delivery, Alert alert)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetServices<IChannelSender>().Single(s => s.Channel == channel);
        await sender.SendAsync(delivery, alert, CancellationToken.None);
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        await Telegram.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class PostgresChannelsHost() : ChannelsHost(DatabaseProvider.Postgres);

public sealed class SqliteChannelsHost() : ChannelsHost(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresChannelsCollection : ICollectionFixture<PostgresChannelsHost>
{
    public const string Name = "PostgreSQL channels host";
}

[CollectionDefinition(Name)]
public sealed class SqliteChannelsCollection : ICollectionFixture<SqliteChannelsHost>
{
    public const string Name = "SQLite channels host";
}
