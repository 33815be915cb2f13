using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Notifications.Panel;

/// <summary>POST /api/v1/alerts/{id}/acknowledge: who may, what it stores, and two operators racing.</summary>
public abstract class AcknowledgeAlertTests(HostFixture fixture)
{
    private LunaPointFactory Factory => fixture.Factory;

    [Fact]
    public async Task Acknowledge_StoresWhoWhenAndComment_ClearsEscalation_AndIsAudited()
    {
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await AlertSeed.AddAsync(Factory, alert);
        var operatorName = await Factory.CreateUserAsync(Roles.Operator);
        using var client = Factory.CreateClientWithToken(await Factory.GetTokenAsync(operatorName, AuthClients.Password));

        using var response = await client.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = "  Guard sent  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = await AlertSeed.JsonAsync(response);
        Assert.Equal(alert.Id.ToString(), ack.GetProperty("alertId").GetString());
        Assert.Equal(operatorName, ack.GetProperty("by").GetString());
        Assert.Equal("Guard sent", ack.GetProperty("comment").GetString());
        var stored = await AlertSeed.FindAsync(Factory, alert.Id);
        Assert.NotNull(stored!.AcknowledgedAt);
        Assert.Equal(operatorName, stored.AcknowledgedBy);
        Assert.Null(stored.EscalateAt);
        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alert.Id}");
        Assert.Equal("Guard sent", shown.GetProperty("acknowledgement").GetProperty("comment").GetString());

        using var admin = await Factory.CreateAdminClientAsync();
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=alert.acknowledged&actor={operatorName}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == $"alert {alert.Id}");
    }

    [Fact]
    public async Task Acknowledge_WithoutABody_IsAllowed()
    {
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await AlertSeed.AddAsync(Factory, alert);
        using var admin = await Factory.CreateAdminClientAsync();

        using var response = await admin.PostAsync($"/api/v1/alerts/{alert.Id}/acknowledge", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await AlertSeed.JsonAsync(response)).GetProperty("comment").ValueKind);
    }

    [Fact]
    public async Task TwoOperatorsRacing_OneGets200_TheOther409NamingTheFirst()
    {
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await AlertSeed.AddAsync(Factory, alert);
        var names = new[] { await Factory.CreateUserAsync(Roles.Operator), await Factory.CreateUserAsync(Roles.Operator) };
        var clients = new List<HttpClient>();
        foreach (var name in names)
        {
            clients.Add(Factory.CreateClientWithToken(await Factory.GetTokenAsync(name, AuthClients.Password)));
        }

        var answers = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = $"by {i}" })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = names[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK)];
        var refusal = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        Assert.Contains($"already acknowledged by {winner}", refusal);
        Assert.Equal(winner, (await AlertSeed.FindAsync(Factory, alert.Id))!.AcknowledgedBy);
        foreach (var disposable in answers.Cast<IDisposable>().Concat(clients))
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public async Task Acknowledge_ByAViewer_Is403_AndChangesNothing()
    {
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await AlertSeed.AddAsync(Factory, alert);
        using var viewer = await Factory.CreateClientAsAsync(Roles.Viewer);

        using var response = await viewer.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = "no" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await AlertSeed.FindAsync(Factory, alert.Id))!.AcknowledgedAt);
    }

    [Theory]
    [InlineData("""{"comment":"ok","by":"mallory"}""", "by")]
    [InlineData("""{"acknowledgedAt":"2020-01-01T00:00:00Z"}""", "acknowledgedAt")]
    public async Task Acknowledge_WithUnknownFields_Is400NamingThem_AndChangesNothing(string body, string field)
    {
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await AlertSeed.AddAsync(Factory, alert);
        using var op = await Factory.CreateClientAsAsync(Roles.Operator);

        using var response = await op.PostAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await AlertSeed.JsonAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error naming {field}: {problem}");
        Assert.Null((await AlertSeed.FindAsync(Factory, alert.Id))!.AcknowledgedAt);
    }

    [Fact]
    public async Task Acknowledge_UnknownAlert_Is404_AndATooLongComment400NamingIt()
    {
        var alert = AlertSeed.New(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await AlertSeed.AddAsync(Factory, alert);
        using var op = await Factory.CreateClientAsAsync(Roles.Operator);

        using var unknown = await op.PostAsJsonAsync($"/api/v1/alerts/{Guid.NewGuid()}/acknowledge", new { comment = "x" });
        using var tooLong = await op.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { comment = new string('x', 1001) });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await AlertSeed.JsonAsync(tooLong)).GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Null((await AlertSeed.FindAsync(Factory, alert.Id))!.AcknowledgedAt);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class AcknowledgeAlertTestsOnPostgres(PostgresHostFixture fixture) : AcknowledgeAlertTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class AcknowledgeAlertTestsOnSqlite(SqliteHostFixture fixture) : AcknowledgeAlertTests(fixture);
