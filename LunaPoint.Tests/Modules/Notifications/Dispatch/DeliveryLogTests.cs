using System.Net;
using System.Text.Json;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Tests.Infrastructure;
using static LunaPoint.Tests.Modules.Notifications.Dispatch.DispatchKit;

namespace LunaPoint.Tests.Modules.Notifications.Dispatch;

public abstract partial class DispatchTests
{
    [Fact]
    public async Task DeliveryLog_FiltersByRuleAlertChannelStatusAndTime_AndMasksTheRecipient()
    {
        await using var ok = await HookReceiver.StartAsync();
        await using var gone = await HookReceiver.StartAsync(_ => 410);
        var rule = await AddRuleAsync(Factory, Console(), Webhook(ok.Url), Webhook(gone.Url));
        var (alertId, ids) = await RaiseAsync(Factory, rule);
        await LunaPoint.Tests.Platform.Poll.UntilAsync(
            async () => (await RowsAsync(Factory, ids)).Count(r => r.Status is DeliveryStatus.Sent or DeliveryStatus.Dead) == 3, "deliveries unfinished");
        using var admin = await Factory.CreateAdminClientAsync();

        var all = await ListAsync(admin, $"ruleId={rule.Id}");
        Assert.Equal(3, all.GetProperty("total").GetInt64());
        Assert.All(Items(all), i => Assert.Equal(rule.Name, i.GetProperty("ruleName").GetString()));

        var dead = Assert.Single(Items(await ListAsync(admin, $"ruleId={rule.Id}&status=dead")));
        Assert.Equal("webhook", dead.GetProperty("channel").GetString());
        Assert.Equal(1, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("HTTP 410", dead.GetProperty("lastError").GetString());
        Assert.EndsWith("/hook?***", dead.GetProperty("recipient").GetString());
        Assert.DoesNotContain("s3cr3t", all.GetRawText());
        Assert.DoesNotContain(Secret, all.GetRawText());

        var console = Assert.Single(Items(await ListAsync(admin, $"ruleId={rule.Id}&channel=console")));
        Assert.Equal("sent", console.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, console.GetProperty("sentAt").ValueKind);
        Assert.Equal(2, Items(await ListAsync(admin, $"alertId={alertId}&status=sent")).Count);
        var created = DateTimeOffset.Parse(console.GetProperty("createdAt").GetString()!);
        Assert.Equal(3, (await ListAsync(admin, $"ruleId={rule.Id}&from={Q(created.AddSeconds(-1))}&to={Q(created.AddSeconds(1))}")).GetProperty("total").GetInt64());
        Assert.Empty(Items(await ListAsync(admin, $"ruleId={rule.Id}&from={Q(created.AddMinutes(1))}")));
        Assert.Empty(Items(await ListAsync(admin, $"ruleId={rule.Id}&to={Q(created.AddMinutes(-1))}")));
        var paged = await ListAsync(admin, $"ruleId={rule.Id}&pageSize=2&page=2");
        Assert.Single(Items(paged));
        Assert.Equal(3, paged.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("ruleId=nope", "ruleId")]
    [InlineData("alertId=123", "alertId")]
    [InlineData("channel=fax", "channel")]
    [InlineData("status=lost", "status")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task DeliveryLog_BadFilter_Returns400NamingTheField(string query, string field)
    {
        using var admin = await Factory.CreateAdminClientAsync();
        using var response = await admin.GetAsync($"/api/v1/notifications?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
    }

    [Theory]
    [InlineData("Operator")]
    [InlineData("Viewer")]
    public async Task DeliveryLog_IsForAdministratorsOnly(string role)
    {
        using var client = await Factory.CreateClientAsAsync(role);
        using var response = await client.GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DeliveryLogPage_ShowsTheFilteredRows_AndNamesABadFilter()
    {
        var rule = await AddRuleAsync(Factory, Console());
        var id = Assert.Single((await RaiseAsync(Factory, rule)).Deliveries);
        await UntilStatusAsync(Factory, id, DeliveryStatus.Sent, "not sent");
        using var browser = await ConsoleSession.SignInAsync(Factory, "admin", LunaPointFactory.AdminPassword);

        var html = await browser.GetStringAsync($"/notifications/log?ruleId={rule.Id}&status=sent");
        Assert.Contains($"data-delivery=\"{id}\"", html);
        Assert.Contains(rule.Name, html);
        Assert.DoesNotContain("<script>", html);
        var other = await browser.GetStringAsync($"/notifications/log?ruleId={rule.Id}&status=dead");
        Assert.DoesNotContain($"data-delivery=\"{id}\"", other);

        using var bad = await browser.GetAsync("/notifications/log?status=lost");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("status must be one of", await bad.Content.ReadAsStringAsync());
    }

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/notifications?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
