using System.Net;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Rules;

/// <summary>"Pause all": by whom and until when, until resumed, an expired pause reads as none, audited, live.</summary>
public abstract class PauseTests(HostFixture fixture) : IAsyncLifetime
{
    private const string Pause = "/api/v1/notifications/pause";
    private const string Resume = "/api/v1/notifications/resume";
    private HttpClient _operator = null!;
    private string _operatorName = null!;

    [Fact]
    public async Task PauseFor15Minutes_ThenResume_SaysByWhomAndUntilWhen()
    {
        // The server keeps whole milliseconds (both databases read back the same), so the bound is truncated too.
        var before = DateTimeOffset.UtcNow;
        before = before.AddTicks(-(before.Ticks % TimeSpan.TicksPerMillisecond));
        var paused = await RuleApi.ExpectAsync(await _operator.PostAsync(Pause, RuleApi.Json("""{"minutes":15}""")), HttpStatusCode.OK);

        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal(_operatorName, paused.GetProperty("by").GetString());
        var until = paused.GetProperty("until").GetDateTimeOffset();
        // Stored times keep whole milliseconds (both databases read back what they answered).
        Assert.InRange(until, before.AddMinutes(15).AddMilliseconds(-1), DateTimeOffset.UtcNow.AddMinutes(15));
        var read = await RuleApi.ExpectAsync(await _operator.GetAsync(Pause), HttpStatusCode.OK);
        Assert.Equal(until, read.GetProperty("until").GetDateTimeOffset());
        Assert.True((await Cache.GetAsync(CancellationToken.None)).IsPaused(DateTimeOffset.UtcNow));

        var resumed = await RuleApi.ExpectAsync(await _operator.PostAsync(Resume, null), HttpStatusCode.OK);

        Assert.False(resumed.GetProperty("paused").GetBoolean());
        Assert.False((await RuleApi.ExpectAsync(await _operator.GetAsync(Pause), HttpStatusCode.OK)).GetProperty("paused").GetBoolean());
        Assert.False((await Cache.GetAsync(CancellationToken.None)).IsPaused(DateTimeOffset.UtcNow));
        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Action == "notifications.paused" && e.Actor == _operatorName);
        Assert.Contains(audit, e => e.Action == "notifications.resumed" && e.Actor == _operatorName);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"minutes":null}""")]
    public async Task PauseWithoutMinutes_LastsUntilResumed(string body)
    {
        var paused = await RuleApi.ExpectAsync(await _operator.PostAsync(Pause, RuleApi.Json(body)), HttpStatusCode.OK);

        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, paused.GetProperty("until").ValueKind);
        Assert.True((await RuleApi.ExpectAsync(await _operator.GetAsync(Pause), HttpStatusCode.OK)).GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task ExpiredPause_ReadsAsNotPaused()
    {
        await RuleApi.ExpectAsync(await _operator.PostAsync(Pause, RuleApi.Json("""{"minutes":60}""")), HttpStatusCode.OK);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var state = await db.Pause.SingleAsync();
            state.Until = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        var read = await RuleApi.ExpectAsync(await _operator.GetAsync(Pause), HttpStatusCode.OK);

        Assert.False(read.GetProperty("paused").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty("by").ValueKind);
        Cache.Invalidate();
        Assert.False((await Cache.GetAsync(CancellationToken.None)).IsPaused(DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("""{"minutes":0}""", "minutes")]
    [InlineData("""{"minutes":10081}""", "minutes")]
    [InlineData("""{"minutes":"soon"}""", "minutes")]
    [InlineData("""{"hours":1}""", "hours")]
    public async Task Pause_WithBadMinutes_Returns400NamingTheField(string body, string field)
    {
        await RuleApi.ExpectFieldAsync(await _operator.PostAsync(Pause, RuleApi.Json(body)), field);

        Assert.False((await RuleApi.ExpectAsync(await _operator.GetAsync(Pause), HttpStatusCode.OK)).GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task PauseAndResume_AreBroadcastToSignedInConsoles()
    {
        // TODO(lead): a Viewer's negotiate POST gets 403 (the View policy refuses viewers any POST), so the listener is an administrator.
        using var listener = await fixture.Factory.CreateAdminClientAsync();
        var token = listener.DefaultRequestHeaders.Authorization!.Parameter!;
        var channel = System.Threading.Channels.Channel.CreateUnbounded<System.Text.Json.JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Factory.Server.BaseAddress, "/api/v1/alerts/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => fixture.Factory.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        hub.On<System.Text.Json.JsonElement>("pauseChanged", view => channel.Writer.TryWrite(view));
        await hub.StartAsync();

        await RuleApi.ExpectAsync(await _operator.PostAsync(Pause, RuleApi.Json("""{"minutes":15}""")), HttpStatusCode.OK);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var paused = await channel.Reader.ReadAsync(timeout.Token);
        await RuleApi.ExpectAsync(await _operator.PostAsync(Resume, null), HttpStatusCode.OK);
        var resumed = await channel.Reader.ReadAsync(timeout.Token);

        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal(_operatorName, paused.GetProperty("by").GetString());
        Assert.False(resumed.GetProperty("paused").GetBoolean());
    }

    public async Task InitializeAsync()
    {
        _operatorName = await fixture.Factory.CreateUserAsync(Roles.Operator);
        _operator = fixture.Factory.CreateClientWithToken(await fixture.Factory.GetTokenAsync(_operatorName, AuthClients.Password));
        await RuleApi.ExpectAsync(await _operator.PostAsync(Resume, null), HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        // Other tests of the collection must not find alerts paused.
        await RuleApi.ExpectAsync(await _operator.PostAsync(Resume, null), HttpStatusCode.OK);
        _operator.Dispose();
    }

    private RuleCache Cache => fixture.Factory.Services.GetRequiredService<RuleCache>();

    private async Task<List<(string Action, string? Actor)>> AuditAsync()
    {
        using var admin = await fixture.Factory.CreateAdminClientAsync();
        var audit = await RuleApi.ExpectAsync(await admin.GetAsync("/api/v1/audit?module=Notifications&action=notifications.&pageSize=500"), HttpStatusCode.OK);
        return audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString()!, e.GetProperty("actorName").GetString())).ToList();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PauseTestsOnPostgres(PostgresHostFixture fixture) : PauseTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class PauseTestsOnSqlite(SqliteHostFixture fixture) : PauseTests(fixture);
