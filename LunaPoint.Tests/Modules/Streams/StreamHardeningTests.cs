using LunaPoint.SharedKernel.Files;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Streams;

/// <summary>Streams over REST as an attacker tries them: secrets, server paths, outgoing addresses, malformed bodies, races.</summary>
public abstract class StreamHardeningTests(LicensedHostFixture fixture) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    private LunaPointFactory Factory => fixture.Factory;

    public async Task InitializeAsync()
    {
        _admin = await Factory.CreateAdminClientAsync();
        foreach (var stream in (await Json(await _admin.GetAsync("/api/v1/streams?pageSize=500"))).GetProperty("items").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/v1/streams/{stream.GetProperty("id").GetString()}")).StatusCode);
        }
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SecretsInSourceAndWebhook_AreMaskedInEveryRead_ExportKeepsThem_AndAnEchoedMaskKeepsTheStoredSecret()
    {
        const string source = "rtsp://viewer:S3cret-Pass@127.0.0.1:8554/live?user=ops&pwd=Q-Secret";
        const string webhook = "http://hook:W-Secret@127.0.0.1:9/in?token=T-Secret&x-api-key=K-Secret";
        var id = await CreateAsync(new { name = "Vault", type = "rtsp", source, settings = new { webhookUrl = webhook } });
        using var viewer = await Factory.CreateClientAsAsync(Roles.Viewer);

        var read = await viewer.GetStringAsync($"/api/v1/streams/{id}");
        var everything = read + await viewer.GetStringAsync("/api/v1/streams") + await viewer.GetStringAsync("/streams")
            + await viewer.GetStringAsync($"/api/v1/streams/{id}/logs");
        var stream = JsonDocument.Parse(read).RootElement;
        Assert.Equal("rtsp://viewer:***@127.0.0.1:8554/live?user=ops&pwd=***", stream.GetProperty("source").GetString());
        Assert.Equal("http://hook:***@127.0.0.1:9/in?token=***&x-api-key=***", stream.GetProperty("settings").GetProperty("webhookUrl").GetString());
        foreach (var secret in new[] { "S3cret-Pass", "Q-Secret", "W-Secret", "T-Secret", "K-Secret" })
        {
            Assert.DoesNotContain(secret, everything);
        }

        // An edit that sends back what it read (masked) keeps the stored secrets.
        var echoed = JsonSerializer.Deserialize<Dictionary<string, object>>(read)!;
        echoed["description"] = "edited";
        using var put = await _admin.PutAsJsonAsync($"/api/v1/streams/{id}", echoed);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var export = JsonDocument.Parse(await _admin.GetStringAsync("/api/v1/streams/export")).RootElement[0];
        Assert.Equal(source, export.GetProperty("source").GetString());
        Assert.Equal(webhook, export.GetProperty("settings").GetProperty("webhookUrl").GetString());
    }

    [Fact]
    public async Task WorkerErrorsQuotingTheSourceUrl_AreMaskedInStatusAndLog()
    {
        var id = await CreateAsync(new { name = "Noisy", type = "rtsp", source = "rtsp://u:S3cret@127.0.0.1:8554/x" });

        await SendAsync(new ReportStreamStatus(id, StreamState.Failed, "rtsp://u:S3cret@127.0.0.1:8554/x: connection refused"));

        var all = await _admin.GetStringAsync($"/api/v1/streams/{id}") + await _admin.GetStringAsync($"/api/v1/streams/{id}/logs") + await _admin.GetStringAsync($"/streams/{id}/log");
        Assert.Contains("rtsp://u:***@127.0.0.1:8554/x: connection refused", all);
        Assert.DoesNotContain("S3cret", all);
    }

    [Fact]
    public async Task ServerPathsOutsideTheMediaRoots_AreRefusedWithOneMessage_AFileInARootIsAccepted()
    {
        // The default media root, <DataDir>/media, created at start.
        var root = Path.Combine(Factory.Database.DataDir, "media");
        var inRoot = Path.Combine(root, $"clip-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(inRoot, [0, 0, 0, 24]);
        string[] refused =
        [
            "/etc/shadow", Path.Combine(Factory.Database.DataDir, "keys", "jwt-signing.key"), "/proc/self/environ", "/dev/zero",
            $"{root}/../../etc/passwd", Path.Combine(root, "missing.mp4"), "/no/such/place/missing.mp4",
        ];

        var messages = new List<string>();
        foreach (var path in refused)
        {
            using var response = await _admin.PostAsJsonAsync("/api/v1/streams", new { name = "probe", type = "videofile", source = path, enabled = false });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            messages.Add((await Json(response)).GetProperty("errors").GetProperty("source")[0].GetString()!);
        }

        using var accepted = await _admin.PostAsJsonAsync("/api/v1/streams", new { name = "clip", type = "videofile", source = inRoot, enabled = false });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Single(messages.Distinct());
        Assert.Contains("must be an existing file under a media root", messages[0]);
    }

    public static TheoryData<string, string, string> MalformedBodies() => new()
    {
        { "/api/v1/streams/import", "[null]", "streams[0]" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://127.0.0.1/1","settings":{"roi":{"points":[null,null,null]}}}""", "settings.roi.points[0]" },
        { "/api/v1/streams", """{"name":"a","type":"videofile","source":"/tmp/a\u0000.mp4"}""", "source" },
        { "/api/v1/streams", """{"name":"a\u0000","type":"rtsp","source":"rtsp://127.0.0.1/1"}""", "name" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://127.0.0.1/1","settings":{"webhookUrl":"http://169.254.169.254/latest"}}""", "settings.webhookUrl" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://127.0.0.1/1","settings":{"webhookUrl":"http://2852039166/"}}""", "settings.webhookUrl" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://127.0.0.1/1","settings":{"webhookUrl":"http://[fe80::1]/"}}""", "settings.webhookUrl" },
        { "/api/v1/streams", """{"name":"a","type":"http","source":"http://169.254.169.254/latest/meta-data/"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"http","source":"http:\\\\admin:S3cret@127.0.0.1/"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp:/\\admin:S3cret@127.0.0.1/c"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://127.0.0.1/1","settings":{"webhookUrl":"http:\\\\u:S3cret@127.0.0.1/h"}}""", "settings.webhookUrl" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://[fe80::1]/x"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"tcp","source":"tcp://169.254.169.254:80"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"udp","source":"udp://[64:ff9b::a9fe:a9fe]:1234"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"http","source":"http://100.100.100.200/"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://admin:1234#5678@127.0.0.1:8554/c"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://admin:12?pwd@127.0.0.1/c"}""", "source" },
        { "/api/v1/streams", """{"name":"a","type":"rtsp","source":"rtsp://127.0.0.1/1","settings":{"webhookUrl":"http://hook:a#b@127.0.0.1:9/in"}}""", "settings.webhookUrl" },
        { "/api/v1/streams/import", """[{"name":"a","type":"rtsp","source":"rtsp://[fe80::1]/x"}]""", "streams[0].source" },
    };

    [Theory]
    [InlineData("source", "rtsp://admin:1234#5678@127.0.0.1:8554/c", null)]
    [InlineData("source", "rtsp://admin:12?pwd@127.0.0.1/c", null)]
    [InlineData("settings.webhookUrl", "rtsp://127.0.0.1/1", "http://hook:a#b@127.0.0.1:9/in")]
    public async Task AUserInfoThatParsersReadDifferently_Returns400_AskingToPercentEncode(string field, string source, string? webhook)
    {
        using var response = await _admin.PostAsJsonAsync("/api/v1/streams", new { name = "amb", type = "rtsp", source, settings = new { webhookUrl = webhook } });
        var problem = await Json(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("percent-encode", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedButParseableBodies_Return400NamingTheField(string path, string body, string field)
    {
        using var response = await _admin.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Json(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem.GetRawText()}");
    }

    [Theory]
    [InlineData("""{"description":"a","description":"b"}""")]
    [InlineData("""{"description":"a","Description":"b"}""")]
    [InlineData("""{"settings":{"minFaceSize":50,"MINFACESIZE":60}}""")]
    public async Task PatchWithARepeatedKey_Returns400_AndChangesNothing(string patch)
    {
        var id = await CreateAsync(new { name = "patched", type = "rtsp", source = "rtsp://127.0.0.1:8554/p" });

        using var response = await _admin.PatchAsync($"/api/v1/streams/{id}", new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stream = await Json(await _admin.GetAsync($"/api/v1/streams/{id}"));
        Assert.Equal(JsonValueKind.Null, stream.GetProperty("description").ValueKind);
        Assert.Equal(40, stream.GetProperty("settings").GetProperty("minFaceSize").GetInt32());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=44739243", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task PagingOutOfBounds_Returns400NamingTheParameter(string query, string field)
    {
        var id = await CreateAsync(new { name = "paged", type = "rtsp", source = "rtsp://127.0.0.1:8554/q" });

        foreach (var url in new[] { $"/api/v1/streams?{query}", $"/api/v1/streams/{id}/logs?{query}" })
        {
            using var response = await _admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _), url);
        }
    }

    [Fact]
    public async Task AWorkersReportAfterStop_IsNotApplied_AndRecoveryClearsTheLastError()
    {
        var id = await CreateAsync(new { name = "racing", type = "rtsp", source = "rtsp://127.0.0.1:8554/r" });
        await SendAsync(new ReportStreamStatus(id, StreamState.Failed, "connection refused"));
        Assert.Equal("connection refused", (await Json(await _admin.GetAsync($"/api/v1/streams/{id}"))).GetProperty("lastError").GetString());

        await SendAsync(new ReportStreamStatus(id, StreamState.InProgress, "connected", DateTimeOffset.UtcNow, 25));
        var recovered = await Json(await _admin.GetAsync($"/api/v1/streams/{id}"));
        Assert.Equal("in_progress", recovered.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, recovered.GetProperty("lastError").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/v1/streams/{id}/stop", null)).StatusCode);
        await SendAsync(new ReportStreamStatus(id, StreamState.InProgress, "still decoding", DateTimeOffset.UtcNow, 25));
        var stopped = await Json(await _admin.GetAsync($"/api/v1/streams/{id}"));
        Assert.Equal("paused", stopped.GetProperty("status").GetString());
        Assert.False(stopped.GetProperty("enabled").GetBoolean());
        Assert.Equal("paused", (await Json(await _admin.GetAsync($"/api/v1/streams/{id}/logs"))).GetProperty("items")[0].GetProperty("to").GetString());
    }

    [Fact]
    public async Task TwoWritersOfTheSameStream_TheStaleOneConflicts_AndNothingIsLost()
    {
        var id = await CreateAsync(new { name = "contended", type = "rtsp", source = "rtsp://127.0.0.1:8554/c" });
        await using var first = Factory.Services.CreateAsyncScope();
        await using var second = Factory.Services.CreateAsyncScope();
        var a = await first.ServiceProvider.GetRequiredService<StreamsDbContext>().Streams.SingleAsync(s => s.Id == id);
        var bContext = second.ServiceProvider.GetRequiredService<StreamsDbContext>();
        var b = await bContext.Streams.SingleAsync(s => s.Id == id);

        a.Description = "first";
        await first.ServiceProvider.GetRequiredService<StreamsDbContext>().SaveChangesAsync();
        b.Description = "second";
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => bContext.SaveChangesAsync());

        Assert.Equal(StreamsDbContext.ConcurrentChange, conflict.Code);
        Assert.Equal("first", (await Json(await _admin.GetAsync($"/api/v1/streams/{id}"))).GetProperty("description").GetString());
    }

    [Fact]
    public async Task ReportsRacingStops_NeverLeaveADisabledStreamRunning_AndNeverFail()
    {
        var id = await CreateAsync(new { name = "stormy", type = "rtsp", source = "rtsp://127.0.0.1:8554/s" });

        // One worker per stream reports one report after another, while an operator stops the stream.
        var reports = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await SendAsync(new ReportStreamStatus(id, StreamState.InProgress, $"frame {i}", DateTimeOffset.UtcNow, 25));
            }
        });
        var stop = _admin.PostAsync($"/api/v1/streams/{id}/stop", null);
        await reports;
        var stopResponse = await stop;
        Assert.True(stopResponse.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"stop answered {stopResponse.StatusCode}");
        if (stopResponse.StatusCode == HttpStatusCode.Conflict)
        {
            Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/v1/streams/{id}/stop", null)).StatusCode);
        }

        await SendAsync(new ReportStreamStatus(id, StreamState.InProgress, "late"));
        var stream = await Json(await _admin.GetAsync($"/api/v1/streams/{id}"));
        Assert.False(stream.GetProperty("enabled").GetBoolean());
        Assert.Equal("paused", stream.GetProperty("status").GetString());
    }

    private async Task<Guid> CreateAsync(object body)
    {
        using var response = await _admin.PostAsJsonAsync("/api/v1/streams", body);
        var json = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.GetRawText());
        return Guid.Parse(json.GetProperty("id").GetString()!);
    }

    private async Task SendAsync(ReportStreamStatus report)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(report);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

[Collection(PostgresLicensedCollection.Name)]
public sealed class StreamHardeningTestsOnPostgres(PostgresLicensedHostFixture fixture) : StreamHardeningTests(fixture);

[Collection(SqliteLicensedCollection.Name)]
public sealed class StreamHardeningTestsOnSqlite(SqliteLicensedHostFixture fixture) : StreamHardeningTests(fixture);
