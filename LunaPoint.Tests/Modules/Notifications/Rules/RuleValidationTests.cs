using System.Net;
using LunaPoint.Tests.Infrastructure;

namespace LunaPoint.Tests.Modules.Notifications.Rules;

/// <summary>Every class of bad rule is a 400 problem naming the field; none is stored.</summary>
public abstract class RuleValidationTests(HostFixture fixture) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    public static TheoryData<string, string> BadRules()
    {
        var longName = new string('n', 201);
        var longUrl = "http://127.0.0.1/" + new string('a', 2040);
        var manyRecipients = string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"u{i}@example.com\""));
        var manyIds = string.Join(",", Enumerable.Range(0, 101).Select(_ => $"\"{Guid.NewGuid()}\""));
        string Email(string address) => $$$"""{"channels":[{"type":"console"},{"type":"email","recipients":[{{{address}}}]}]}""";
        string Telegram(string chatId) => $$$"""{"channels":[{"type":"telegram","chatIds":[{{{chatId}}}]}]}""";
        string Webhook(string url, string secret = "\"0123456789abcdef\"") => $$$"""{"channels":[{"type":"webhook","url":{{{url}}},"secret":{{{secret}}}}]}""";
        string Schedule(string schedule) => $$$"""{"conditions":{"schedule":{{{schedule}}}}}""";
        return new TheoryData<string, string>
        {
            { """{"name":""}""", "name" },
            { $$$"""{"name":"{{{longName}}}"}""", "name" },
            { """{"trigger":"doorbell"}""", "trigger" },
            { """{"trigger":null}""", "trigger" },
            { """{"channels":[]}""", "channels" },
            { """{"channels":null}""", "channels" },
            { """{"channels":[{"type":"sms"}]}""", "channels[0].type" },
            { """{"channels":[{"type":"console"},{"type":"console"}]}""", "channels" },
            { """{"channels":[{"type":"console","recipients":["a@example.com"]}]}""", "channels[0].recipients" },
            { Email("\"not-an-address\""), "channels[1].recipients[0]" },
            { Email("\"Eve <eve@example.com>\""), "channels[1].recipients[0]" },
            { Email("\"<eve@example.com>\""), "channels[1].recipients[0]" },
            { Email("\"a@b@example.com\""), "channels[1].recipients[0]" },
            { Email("\"ops@example.com\\r\\nBcc: x@example.net\""), "channels[1].recipients[0]" },
            { Email("\"\\\"john doe\\\"@example.com\""), "channels[1].recipients[0]" },
            { Email("\"ops@example.com, eve@example.net\""), "channels[1].recipients[0]" },
            { Email("\"@example.com\""), "channels[1].recipients[0]" },
            { Email("\"ops@\""), "channels[1].recipients[0]" },
            { Email("\"ops@example.com\",\"OPS@example.com\""), "channels[1].recipients[1]" },
            { """{"channels":[{"type":"email","recipients":[]}]}""", "channels[0].recipients" },
            { $$$"""{"channels":[{"type":"email","recipients":[{{{manyRecipients}}}]}]}""", "channels[0].recipients" },
            { """{"channels":[{"type":"email","recipients":["a@example.com"],"chatIds":["1"]}]}""", "channels[0].chatIds" },
            { Telegram("\"12ab\""), "channels[0].chatIds[0]" },
            { Telegram("\"@abc\""), "channels[0].chatIds[0]" },
            { Telegram("\"@bad-name\""), "channels[0].chatIds[0]" },
            { Telegram("\"99999999999999999999\""), "channels[0].chatIds[0]" },
            { Telegram("\"\""), "channels[0].chatIds[0]" },
            { """{"channels":[{"type":"telegram"}]}""", "channels[0].chatIds" },
            { Webhook("\"ftp://127.0.0.1/hook\""), "channels[0].url" },
            { Webhook("\"/hook\""), "channels[0].url" },
            { Webhook("\"http://user:pass@127.0.0.1/hook\""), "channels[0].url" },
            { Webhook("\"http://127.0.0.1/hook#part\""), "channels[0].url" },
            { Webhook($"\"{longUrl}\""), "channels[0].url" },
            { Webhook("null"), "channels[0].url" },
            // Literal addresses the outbound policy denies, however written; names are judged at connect.
            { Webhook("\"http://169.254.169.254/latest/meta-data/\""), "channels[0].url" },
            { Webhook("\"http://0.0.0.0:5496/\""), "channels[0].url" },
            { Webhook("\"http://[::ffff:169.254.169.254]/\""), "channels[0].url" },
            { Webhook("\"http://2852039166/\""), "channels[0].url" },
            { Webhook("\"http://0xA9FEA9FE/\""), "channels[0].url" },
            { Webhook("\"http://0251.0376.0251.0376/\""), "channels[0].url" },
            { Webhook("\"http://[fe80::1]/\""), "channels[0].url" },
            { Webhook("\"http://[::]:5496/\""), "channels[0].url" },
            { """{"escalateAfterSeconds":60,"escalationChannels":[{"type":"webhook","url":"http://169.254.169.254/","secret":"0123456789abcdef"}]}""", "escalationChannels[0].url" },
            { """{"channels":[{"type":"webhook","url":"http://127.0.0.1/new-hook"}]}""", "channels[0].secret" },
            { Webhook("\"http://127.0.0.1/hook\"", "\"short\""), "channels[0].secret" },
            { Webhook("\"http://127.0.0.1/hook\"", $"\"{new string('s', 257)}\""), "channels[0].secret" },
            { Schedule("""{"days":[],"from":"08:00","to":"18:00"}"""), "conditions.schedule.days" },
            { Schedule("""{"days":["funday"],"from":"08:00","to":"18:00"}"""), "conditions.schedule.days[0]" },
            { Schedule("""{"days":["mon"],"from":"18:00","to":"08:00"}"""), "conditions.schedule.to" },
            { Schedule("""{"days":["mon"],"from":"09:00","to":"09:00"}"""), "conditions.schedule.to" },
            { Schedule("""{"days":["mon"],"from":"8am","to":"18:00"}"""), "conditions.schedule.from" },
            { Schedule("""{"days":["mon"],"from":"08:00"}"""), "conditions.schedule.to" },
            { Schedule("""{"days":["mon"],"from":"08:00","to":"18:00","timeZone":"Mars/Olympus_Mons"}"""), "conditions.schedule.timeZone" },
            { """{"conditions":{"minSimilarity":1.5}}""", "conditions.minSimilarity" },
            { """{"conditions":{"minSimilarity":-0.1}}""", "conditions.minSimilarity" },
            { """{"conditions":{"minAge":-1}}""", "conditions.minAge" },
            { """{"conditions":{"maxAge":151}}""", "conditions.maxAge" },
            { """{"conditions":{"minAge":50,"maxAge":20}}""", "conditions.maxAge" },
            { """{"conditions":{"gender":"other"}}""", "conditions.gender" },
            { """{"conditions":{"downAfterSeconds":30}}""", "conditions.downAfterSeconds" },
            { """{"trigger":"streamDown","conditions":{"downAfterSeconds":0}}""", "conditions.downAfterSeconds" },
            { """{"trigger":"streamDown","conditions":{"downAfterSeconds":86401}}""", "conditions.downAfterSeconds" },
            { """{"trigger":"streamDown","conditions":{"minAge":20}}""", "conditions.minAge" },
            { """{"trigger":"streamUp","conditions":{"gender":"male"}}""", "conditions.gender" },
            { """{"trigger":"unknownFace","conditions":{"minSimilarity":0.5}}""", "conditions.minSimilarity" },
            { $$$"""{"trigger":"unknownFace","conditions":{"listIds":["{{{Guid.NewGuid()}}}"]}}""", "conditions.listIds" },
            { $$$"""{"trigger":"licenseExpiring","conditions":{"streamIds":["{{{Guid.NewGuid()}}}"]}}""", "conditions.streamIds" },
            { $$$"""{"conditions":{"streamIds":["{{{Guid.NewGuid()}}}"]}}""", "conditions.streamIds[0]" },
            { $$$"""{"conditions":{"listIds":["{{{Guid.NewGuid()}}}"]}}""", "conditions.listIds[0]" },
            { $$$"""{"conditions":{"streamIds":[{{{manyIds}}}]}}""", "conditions.streamIds" },
            { """{"conditions":{"streamIds":["not-a-guid"]}}""", "conditions.streamIds[0]" },
            { """{"cooldownSeconds":-1}""", "cooldownSeconds" },
            { """{"cooldownSeconds":86401}""", "cooldownSeconds" },
            { """{"escalateAfterSeconds":60}""", "escalationChannels" },
            { """{"escalationChannels":[{"type":"console"}]}""", "escalateAfterSeconds" },
            { """{"escalateAfterSeconds":0,"escalationChannels":[{"type":"console"}]}""", "escalateAfterSeconds" },
            { """{"escalateAfterSeconds":60,"escalationChannels":[{"type":"email","recipients":["bad"]}]}""", "escalationChannels[0].recipients[0]" },
            { """{"colour":"red"}""", "colour" },
            { """{"conditions":{"minSimilarty":0.5}}""", "conditions.minSimilarty" },
            { """{"channels":[{"type":"console","to":"x"}]}""", "channels[0].to" },
            { """{"enabled":"yes"}""", "enabled" },
        };
    }

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task CreateRule_WithBadInput_Returns400NamingTheField(string patch, string field)
    {
        var rule = RuleApi.Merge(RuleApi.ValidRule(), patch);

        await RuleApi.ExpectFieldAsync(await _admin.PostAsync(RuleApi.Rules, RuleApi.Json(rule)), field);

        var stored = await RuleApi.ExpectAsync(await _admin.GetAsync($"{RuleApi.Rules}?pageSize=500"), HttpStatusCode.OK);
        Assert.DoesNotContain(stored.GetProperty("items").EnumerateArray(), r => r.GetProperty("name").GetString() == rule["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task CreateRule_WithEveryConditionValid_IsStored()
    {
        var list = (await RuleApi.CreateListAsync(_admin, "Rules " + Guid.NewGuid().ToString("N")[..8])).GetProperty("id").GetString();
        var stream = (await RuleApi.CreateStreamAsync(_admin, "Rules cam " + Guid.NewGuid().ToString("N")[..8])).GetProperty("id").GetString();
        try
        {
            var rule = RuleApi.Merge(RuleApi.ValidRule(), $$$"""
                {"conditions":{"streamIds":["{{{stream}}}"],"listIds":["{{{list}}}"],"minSimilarity":0.8,"minAge":18,"maxAge":65,"gender":"female",
                  "schedule":{"days":["mon","Friday"],"from":"08:00","to":"24:00","timeZone":"Europe/Berlin"}},
                 "channels":[{"type":"telegram","chatIds":["-1001234567890","@night_shift"]},{"type":"webhook","url":"https://hooks.example.com/alerts?x=1","secret":"0123456789abcdef"}],
                 "cooldownSeconds":0,"escalateAfterSeconds":120,"escalationChannels":[{"type":"email","recipients":["boss@example.com"]}]}
                """);

            var created = await RuleApi.CreateAsync(_admin, rule);

            var conditions = created.GetProperty("conditions");
            Assert.Equal(["monday", "friday"], conditions.GetProperty("schedule").GetProperty("days").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal("24:00", conditions.GetProperty("schedule").GetProperty("to").GetString());
            Assert.Equal(stream, conditions.GetProperty("streamIds")[0].GetString());
            Assert.Equal(0, created.GetProperty("cooldownSeconds").GetInt32());
            await RuleApi.ExpectAsync(await _admin.DeleteAsync($"{RuleApi.Rules}/{created.GetProperty("id").GetString()}"), HttpStatusCode.NoContent);
        }
        finally
        {
            await _admin.DeleteAsync($"/api/v1/streams/{stream}");
            await _admin.DeleteAsync($"/api/v1/lists/{list}");
        }
    }

    [Fact]
    public async Task PatchRule_WithBadInput_Returns400NamingTheField_AndKeepsTheRule()
    {
        var created = await RuleApi.CreateAsync(_admin, RuleApi.ValidRule());
        var url = $"{RuleApi.Rules}/{created.GetProperty("id").GetString()}";

        await RuleApi.ExpectFieldAsync(await _admin.PatchAsync(url, RuleApi.Json("""{"conditions":{"schedule":{"days":["sun"],"from":"20:00","to":"06:00"}}}""", "application/merge-patch+json")), "conditions.schedule.to");
        await RuleApi.ExpectFieldAsync(await _admin.PatchAsync(url, RuleApi.Json("""{"nmae":"typo"}""", "application/merge-patch+json")), "nmae");
        await RuleApi.ExpectFieldAsync(await _admin.PatchAsync(url, RuleApi.Json("""{"name":"a","Name":"b"}""", "application/merge-patch+json")), "Name");
        await RuleApi.ExpectFieldAsync(await _admin.PatchAsync(url, RuleApi.Json("""{"channels":[null]}""", "application/merge-patch+json")), "channels[0]");
        await RuleApi.ExpectFieldAsync(await _admin.PatchAsync(url, RuleApi.Json("[1]", "application/merge-patch+json")), "body");
        await RuleApi.ExpectFieldAsync(await _admin.PutAsync(url, RuleApi.Json(RuleApi.Merge(RuleApi.ValidRule(), """{"channels":[]}"""))), "channels");

        var kept = await RuleApi.ExpectAsync(await _admin.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("updatedAt").GetDateTimeOffset(), kept.GetProperty("updatedAt").GetDateTimeOffset());
        await RuleApi.ExpectAsync(await _admin.DeleteAsync(url), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task RuleNamingADeletedListOrStream_CanStillBeEdited_ButANewMissingIdIsRefused()
    {
        var list = (await RuleApi.CreateListAsync(_admin, "Gone " + Guid.NewGuid().ToString("N")[..8])).GetProperty("id").GetString();
        var stream = (await RuleApi.CreateStreamAsync(_admin, "Gone cam " + Guid.NewGuid().ToString("N")[..8])).GetProperty("id").GetString();
        var created = await RuleApi.CreateAsync(_admin, RuleApi.Merge(RuleApi.ValidRule(), $$$"""{"conditions":{"streamIds":["{{{stream}}}"],"listIds":["{{{list}}}"]}}"""));
        var url = $"{RuleApi.Rules}/{created.GetProperty("id").GetString()}";
        await RuleApi.ExpectAsync(await _admin.DeleteAsync($"/api/v1/streams/{stream}"), HttpStatusCode.NoContent);
        await RuleApi.ExpectAsync(await _admin.DeleteAsync($"/api/v1/lists/{list}"), HttpStatusCode.NoContent);

        var disabled = await RuleApi.ExpectAsync(await _admin.PatchAsync(url, RuleApi.Json("""{"enabled":false}""", "application/merge-patch+json")), HttpStatusCode.OK);
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        var missing = Guid.NewGuid();
        await RuleApi.ExpectFieldAsync(
            await _admin.PatchAsync(url, RuleApi.Json($$$"""{"conditions":{"listIds":["{{{list}}}","{{{missing}}}"]}}""", "application/merge-patch+json")), "conditions.listIds[1]");
        var put = RuleApi.Merge(RuleApi.ValidRule(created.GetProperty("name").GetString()), $$$"""{"conditions":{"streamIds":["{{{stream}}}"],"listIds":["{{{list}}}"]},"cooldownSeconds":7}""");
        Assert.Equal(7, (await RuleApi.ExpectAsync(await _admin.PutAsync(url, RuleApi.Json(put)), HttpStatusCode.OK)).GetProperty("cooldownSeconds").GetInt32());
        await RuleApi.ExpectFieldAsync(
            await _admin.PutAsync(url, RuleApi.Json(RuleApi.Merge(put, $$$"""{"conditions":{"streamIds":["{{{stream}}}","{{{missing}}}"]}}"""))), "conditions.streamIds[1]");
        await RuleApi.ExpectAsync(await _admin.DeleteAsync(url), HttpStatusCode.NoContent);
    }

    public async Task InitializeAsync() => _admin = await fixture.Factory.CreateAdminClientAsync();

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class RuleValidationTestsOnPostgres(PostgresHostFixture fixture) : RuleValidationTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class RuleValidationTestsOnSqlite(SqliteHostFixture fixture) : RuleValidationTests(fixture);
