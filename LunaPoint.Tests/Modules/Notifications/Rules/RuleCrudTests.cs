using System.Net;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Notifications.Rules;

/// <summary>Rules over REST: create, read, list, replace, patch, delete; secrets never shown; every change audited.</summary>
public abstract class RuleCrudTests(HostFixture fixture) : IAsyncLifetime
{
    private const string Secret = "s3cret-Webhook-Key-0123456789";
    private HttpClient _admin = null!;

    [Fact]
    public async Task Rule_RoundTrips_AndNeverShowsItsWebhookSecret()
    {
        var name = "Front door " + Guid.NewGuid().ToString("N")[..8];
        var rule = RuleApi.Merge(RuleApi.ValidRule(name), $$"""
            {"channels":[{"type":"console"},{"type":"webhook","url":"http://127.0.0.1:9/hook?token=tok-Query-777","secret":"{{Secret}}"}],
             "escalateAfterSeconds":300,"escalationChannels":[{"type":"webhook","url":"http://127.0.0.1:9/escalate","secret":"{{Secret}}-2"}]}
            """);

        using var created = await _admin.PostAsync(RuleApi.Rules, RuleApi.Json(rule));
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(createdText).RootElement;
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/notification-rules/{id}", created.Headers.Location?.OriginalString);
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(60, body.GetProperty("cooldownSeconds").GetInt32());
        Assert.True(body.GetProperty("channels")[1].GetProperty("hasSecret").GetBoolean());
        var url = $"{RuleApi.Rules}/{id}";

        // Every read, and every answer to a change, leaves the secret out.
        var texts = new List<string> { createdText };
        texts.Add(await _admin.GetStringAsync(url));
        texts.Add(await _admin.GetStringAsync($"{RuleApi.Rules}?name={Uri.EscapeDataString(name)}"));
        var got = await RuleApi.ExpectAsync(await _admin.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(name, got.GetProperty("name").GetString());
        Assert.Equal("watchlistMatch", got.GetProperty("trigger").GetString());
        // Administrators read their own configuration back in full (the audit log masks it, below).
        Assert.Equal("http://127.0.0.1:9/hook?token=tok-Query-777", got.GetProperty("channels")[1].GetProperty("url").GetString());
        Assert.DoesNotContain(Secret, await StoredChannelsJsonAsync(Guid.Parse(id)), StringComparison.Ordinal);

        // PUT without the secret, same URL: kept. PATCH of another field: kept.
        var replaced = RuleApi.Merge(RuleApi.ValidRule(name), """
            {"trigger":"unknownFace","enabled":false,"cooldownSeconds":5,"channels":[{"type":"webhook","url":"http://127.0.0.1:9/hook?token=tok-Query-777"}],
             "escalateAfterSeconds":300,"escalationChannels":[{"type":"webhook","url":"http://127.0.0.1:9/escalate"}]}
            """);
        using var put = await _admin.PutAsync(url, RuleApi.Json(replaced));
        texts.Add(await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var patch = await _admin.PatchAsync(url, RuleApi.Json("""{"conditions":{"schedule":{"days":["sat","sun"],"from":"00:00","to":"12:30"}},"cooldownSeconds":null}""", "application/merge-patch+json"));
        var patchText = await patch.Content.ReadAsStringAsync();
        texts.Add(patchText);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var patched = System.Text.Json.JsonDocument.Parse(patchText).RootElement;
        Assert.Equal("unknownFace", patched.GetProperty("trigger").GetString());
        Assert.False(patched.GetProperty("enabled").GetBoolean());
        Assert.Equal(60, patched.GetProperty("cooldownSeconds").GetInt32());
        Assert.Equal("12:30", patched.GetProperty("conditions").GetProperty("schedule").GetProperty("to").GetString());
        Assert.True(patched.GetProperty("channels")[0].GetProperty("hasSecret").GetBoolean());
        Assert.True(patched.GetProperty("escalationChannels")[0].GetProperty("hasSecret").GetBoolean());
        Assert.Equal([Secret, Secret + "-2"], await StoredSecretsAsync(Guid.Parse(id)));

        // A new URL without its secret is refused: the stored secret must not follow the rule to another address.
        await RuleApi.ExpectFieldAsync(await _admin.PatchAsync(url, RuleApi.Json("""{"channels":[{"type":"webhook","url":"http://127.0.0.1:9/elsewhere"}]}""", "application/merge-patch+json")), "channels[0].secret");

        // The audit log has the changes, without the secret either.
        var audit = await _admin.GetStringAsync($"/api/v1/audit?module=Notifications&action=notification-rule.&pageSize=500");
        Assert.Contains($"({id})", audit);
        texts.Add(audit);
        Assert.All(texts, t => Assert.DoesNotContain("s3cret", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("\"secret\"", t, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("tok-Query-777", audit, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9/hook?***", audit, StringComparison.Ordinal);

        await RuleApi.ExpectAsync(await _admin.DeleteAsync(url), HttpStatusCode.NoContent);
        await RuleApi.ExpectAsync(await _admin.GetAsync(url), HttpStatusCode.NotFound);
        await RuleApi.ExpectAsync(await _admin.DeleteAsync(url), HttpStatusCode.NotFound);
        Assert.DoesNotContain("tok-Query-777", await _admin.GetStringAsync("/api/v1/audit?module=Notifications&action=notification-rule.&pageSize=500"), StringComparison.Ordinal);
        var actions = await AuditActionsAsync(id);
        Assert.Equal(["notification-rule.created", "notification-rule.updated", "notification-rule.updated", "notification-rule.deleted"], actions);
    }

    [Fact]
    public async Task CreateRule_WithATakenName_Returns409_InAnyCase()
    {
        var name = "Taken " + Guid.NewGuid().ToString("N")[..8];
        var first = await RuleApi.CreateAsync(_admin, RuleApi.ValidRule(name));

        await RuleApi.ExpectAsync(await _admin.PostAsync(RuleApi.Rules, RuleApi.Json(RuleApi.ValidRule(name.ToUpperInvariant()))), HttpStatusCode.Conflict);
        var other = await RuleApi.CreateAsync(_admin, RuleApi.ValidRule());
        await RuleApi.ExpectAsync(await _admin.PatchAsync($"{RuleApi.Rules}/{other.GetProperty("id").GetString()}", RuleApi.Json($$"""{"name":"{{name}}"}""")), HttpStatusCode.Conflict);

        await _admin.DeleteAsync($"{RuleApi.Rules}/{first.GetProperty("id").GetString()}");
        await _admin.DeleteAsync($"{RuleApi.Rules}/{other.GetProperty("id").GetString()}");
    }

    [Fact]
    public async Task ListRules_Pages_AndFilters()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        foreach (var (n, trigger) in new[] { ("a", "watchlistMatch"), ("b", "streamDown"), ("c", "streamDown") })
        {
            ids.Add((await RuleApi.CreateAsync(_admin, RuleApi.Merge(RuleApi.ValidRule($"{tag} {n}"), $$"""{"trigger":"{{trigger}}"}"""))).GetProperty("id").GetString()!);
        }

        var page = await RuleApi.ExpectAsync(await _admin.GetAsync($"{RuleApi.Rules}?name={tag}&pageSize=2&page=2"), HttpStatusCode.OK);
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal($"{tag} c", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        var down = await RuleApi.ExpectAsync(await _admin.GetAsync($"{RuleApi.Rules}?name={tag}&trigger=streamDown"), HttpStatusCode.OK);
        Assert.Equal(2, down.GetProperty("total").GetInt64());
        await RuleApi.ExpectFieldAsync(await _admin.GetAsync($"{RuleApi.Rules}?trigger=doorbell"), "trigger");
        await RuleApi.ExpectFieldAsync(await _admin.GetAsync($"{RuleApi.Rules}?pageSize=0"), "pageSize");
        foreach (var id in ids)
        {
            await _admin.DeleteAsync($"{RuleApi.Rules}/{id}");
        }
    }

    [Fact]
    public async Task Changes_ReachTheEvaluatorsCacheAtOnce()
    {
        var cache = fixture.Factory.Services.GetRequiredService<LunaPoint.Modules.Notifications.Evaluation.RuleCache>();
        var created = await RuleApi.CreateAsync(_admin, RuleApi.ValidRule());
        var id = Guid.Parse(created.GetProperty("id").GetString()!);
        Assert.Contains((await cache.GetAsync(CancellationToken.None)).Rules, r => r.Id == id);

        await RuleApi.ExpectAsync(await _admin.PatchAsync($"{RuleApi.Rules}/{id}", RuleApi.Json("""{"enabled":false}""")), HttpStatusCode.OK);
        Assert.DoesNotContain((await cache.GetAsync(CancellationToken.None)).Rules, r => r.Id == id);
        await _admin.DeleteAsync($"{RuleApi.Rules}/{id}");
    }

    public async Task InitializeAsync() => _admin = await fixture.Factory.CreateAdminClientAsync();

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    private async Task<List<string>> AuditActionsAsync(string id)
    {
        var audit = await RuleApi.ExpectAsync(await _admin.GetAsync("/api/v1/audit?module=Notifications&action=notification-rule.&pageSize=500"), HttpStatusCode.OK);
        return audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("target").GetString()!.Contains(id, StringComparison.Ordinal))
            .OrderBy(e => e.GetProperty("id").GetInt64())
            .Select(e => e.GetProperty("action").GetString()!).ToList();
    }

    private async Task<List<string?>> StoredSecretsAsync(Guid id)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LunaPoint.Modules.Notifications.Data.NotificationsDbContext>();
        var rule = await db.Rules.AsNoTracking().SingleAsync(r => r.Id == id);
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("LunaPoint.Notifications.WebhookSecret");
        return [.. rule.Channels.Concat(rule.EscalationChannels).Select(c => c.Secret is null ? null : protector.Unprotect(c.Secret))];
    }

    /// <summary>The channel columns as the database holds them: what a dump or backup would show.</summary>
    private async Task<string> StoredChannelsJsonAsync(Guid id)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LunaPoint.Modules.Notifications.Data.NotificationsDbContext>();
        var name = (await db.Rules.AsNoTracking().SingleAsync(r => r.Id == id)).Name;
        var entity = db.Model.FindEntityType(typeof(LunaPoint.Modules.Notifications.Domain.NotificationRule))!;
        var npgsql = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var table = npgsql && entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var texts = new List<string>();
        foreach (var column in new[] { "channels", "escalation_channels" })
        {
            // Table and column names come from the model and the list above, not from input.
            var sql = "SELECT " + column + (npgsql ? "::text" : "") + " AS \"Value\" FROM " + table + " WHERE name = {0}";
            texts.AddRange(await db.Database.SqlQueryRaw<string>(sql, name).ToListAsync());
        }

        Assert.Contains(texts, t => t.Contains("127.0.0.1:9/hook", StringComparison.Ordinal));
        return string.Join("\n", texts);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class RuleCrudTestsOnPostgres(PostgresHostFixture fixture) : RuleCrudTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class RuleCrudTestsOnSqlite(SqliteHostFixture fixture) : RuleCrudTests(fixture);
