using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LunaPoint.Tests.Modules.Streams;

/// <summary>The console's stream form, edit, log and flash messages, through HTTP with real sign-in and antiforgery.</summary>
public abstract partial class StreamPagesTests(LicensedHostFixture fixture) : IAsyncLifetime
{
    private HttpClient _admin = null!;
    private HttpClient _browser = null!;

    private LunaPointFactory Factory => fixture.Factory;

    public async Task InitializeAsync()
    {
        _admin = await Factory.CreateAdminClientAsync();
        foreach (var stream in (await Json(await _admin.GetAsync("/api/v1/streams?pageSize=500"))).GetProperty("items").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/v1/streams/{stream.GetProperty("id").GetString()}")).StatusCode);
        }

        _browser = await ConsoleSession.SignInAsync(Factory, await Factory.CreateUserAsync(Roles.Administrator), AuthClients.Password);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _browser.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task NewStreamForm_CreatesTheStream_AndTheListSaysSo()
    {
        var form = await _browser.GetStringAsync("/streams/new");
        Assert.Contains("rtsp://127.0.0.1:8554/cam1", form);
        Assert.Contains("<details", form);
        // The module's static file (fingerprinted by MapStaticAssets), never inline script.
        Assert.Matches(@"<script src=""/_content/LunaPoint\.Modules\.Streams/streams(\.\w+)?\.js""", form);
        Assert.DoesNotContain("<script>", form);
        Assert.DoesNotContain("style=", form);
        // Community licence: liveness, bodies and ISO checks are each marked as not licensed; attributes are not licensed features.
        Assert.Equal(3, form.Split("(not in the licence)").Length - 1);

        using var created = await PostFormAsync("/streams/new", "/streams/new", Fields("Front gate", "rtsp://127.0.0.1:8554/gate", ("settings.maxAnalysisFps", "4"), ("settings.roi.x", "0.1"), ("settings.roi.y", "0.1"), ("settings.roi.width", "0.5"), ("settings.roi.height", "0.5")));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/streams", created.Headers.Location?.OriginalString);
        Assert.Contains("Stream Front gate created.", await _browser.GetStringAsync("/streams"));
        Assert.DoesNotContain("Stream Front gate created.", await _browser.GetStringAsync("/streams"));
        var stream = (await Json(await _admin.GetAsync("/api/v1/streams?name=front"))).GetProperty("items")[0];
        Assert.Equal("rtsp://127.0.0.1:8554/gate", stream.GetProperty("source").GetString());
        Assert.Equal(4, stream.GetProperty("settings").GetProperty("maxAnalysisFps").GetDouble());
        Assert.Equal(0.5, stream.GetProperty("settings").GetProperty("roi").GetProperty("width").GetDouble());
    }

    [Fact]
    public async Task StreamForm_OffersTheWatchlists_AndSavesTheTickedOnesAsListIds()
    {
        var name = $"Gate staff {Guid.NewGuid():N}";
        var list = (await Json(await _admin.PostAsJsonAsync("/api/v1/lists", new { name }))).GetProperty("id").GetGuid();

        var form = await _browser.GetStringAsync("/streams/new");
        Assert.Contains($"name=\"settings.listIds\" value=\"{list}\"", form);
        Assert.Contains(name, form);

        using var created = await PostFormAsync("/streams/new", "/streams/new", Fields("Staff door", "rtsp://127.0.0.1:8554/staff", ("settings.listIds", list.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stream = (await Json(await _admin.GetAsync("/api/v1/streams?name=staff door"))).GetProperty("items")[0];
        Assert.Equal([list], stream.GetProperty("settings").GetProperty("listIds").EnumerateArray().Select(e => e.GetGuid()).ToList());
        var id = stream.GetProperty("id").GetString();
        Assert.Matches($"value=\"{list}\" checked", await _browser.GetStringAsync($"/streams/{id}/edit"));

        // A list id that does not exist is refused beside the picker, not saved.
        using var refused = await PostFormAsync("/streams/new", "/streams/new", Fields("Ghost door", "rtsp://127.0.0.1:8554/ghost", ("settings.listIds", Guid.NewGuid().ToString())));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches(@"</fieldset>\s*<span class=""field-error"">[^<]+</span>", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, (await Json(await _admin.GetAsync("/api/v1/streams?name=ghost door"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task InvalidForm_IsShownAgain_WithTheErrorBesideEachField()
    {
        using var refused = await PostFormAsync("/streams/new", "/streams/new", Fields("", "http://127.0.0.1/not-rtsp", ("settings.detectorStep", "0"), ("settings.maxAnalysisFps", "fast")));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches(FieldError("settings.maxAnalysisFps"), page);
        using var invalid = await PostFormAsync("/streams/new", "/streams/new", Fields("", "http://127.0.0.1/not-rtsp", ("settings.detectorStep", "0")));
        var shown = await invalid.Content.ReadAsStringAsync();
        Assert.Matches(FieldError("name"), shown);
        Assert.Matches(FieldError("source"), shown);
        Assert.Matches(FieldError("settings.detectorStep"), shown);
        Assert.Contains("value=\"http://127.0.0.1/not-rtsp\"", shown);
        Assert.Equal(0, (await Json(await _admin.GetAsync("/api/v1/streams"))).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task EditForm_SavesChanges_AndKeepsTheMaskedCameraPassword()
    {
        using var created = await _admin.PostAsJsonAsync("/api/v1/streams", new
        {
            name = "Vault", type = "rtsp", source = "rtsp://viewer:S3cret@127.0.0.1:8554/vault?pwd=Q1",
            settings = new { webhookUrl = "http://127.0.0.1:9/in?token=T1", bestShot = new { timeoutMs = 1500, minSize = 70 } },
        });
        var id = (await Json(created)).GetProperty("id").GetString();
        var edit = await _browser.GetStringAsync($"/streams/{id}/edit");
        Assert.Contains("rtsp://viewer:***@127.0.0.1:8554/vault?pwd=***", edit);
        Assert.DoesNotContain("S3cret", edit);

        using var saved = await PostFormAsync($"/streams/{id}/edit", $"/streams/{id}/edit",
            Fields("Vault door", "rtsp://viewer:***@127.0.0.1:8554/vault?pwd=***", ("settings.webhookUrl", "http://127.0.0.1:9/in?token=***"), ("settings.minFaceSize", "90")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Stream Vault door saved.", await _browser.GetStringAsync("/streams"));
        var export = await _admin.GetStringAsync("/api/v1/streams/export");
        Assert.Contains("rtsp://viewer:S3cret@127.0.0.1:8554/vault?pwd=Q1", export);
        Assert.Contains("token=T1", export);
        var stream = await Json(await _admin.GetAsync($"/api/v1/streams/{id}"));
        Assert.Equal(90, stream.GetProperty("settings").GetProperty("minFaceSize").GetInt32());
        Assert.Equal(70, stream.GetProperty("settings").GetProperty("bestShot").GetProperty("minSize").GetInt32());
    }

    [Fact]
    public async Task StopStartDelete_EachSayWhatTheyDid_AndTheLogIsAPage()
    {
        using var created = await _admin.PostAsJsonAsync("/api/v1/streams", new { name = "Yard <b>cam</b>", type = "rtsp", source = "rtsp://127.0.0.1:8554/yard" });
        var id = (await Json(created)).GetProperty("id").GetString()!;

        using var stop = await PostFormAsync("/streams?handler=Stop", "/streams", new() { ["id"] = id });
        Assert.Contains("stopped.", await _browser.GetStringAsync("/streams"));
        using var start = await PostFormAsync("/streams?handler=Start", "/streams", new() { ["id"] = id });
        Assert.Contains("started.", await _browser.GetStringAsync("/streams"));
        using var log = await _browser.GetAsync($"/streams/{id}/log");
        var logPage = await log.Content.ReadAsStringAsync();
        Assert.Equal("text/html", log.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<table", logPage);
        Assert.Contains("stopped by", logPage);
        Assert.Contains("Yard &lt;b&gt;cam&lt;/b&gt;", logPage);

        var list = await _browser.GetStringAsync("/streams");
        Assert.Contains("data-confirm=\"Delete stream Yard &lt;b&gt;cam&lt;/b&gt; and its log?\"", list);
        Assert.DoesNotContain("onsubmit", list);
        Assert.DoesNotContain("style=", list);
        using var deleted = await PostFormAsync("/streams?handler=Delete", "/streams", new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("deleted.", await _browser.GetStringAsync("/streams"));
    }

    private static Dictionary<string, string> Fields(string name, string source, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string> { ["name"] = name, ["type"] = "rtsp", ["source"] = source, ["enabled"] = "true" };
        foreach (var (key, value) in more)
        {
            fields[key] = value;
        }

        return fields;
    }

    private Task<HttpResponseMessage> PostFormAsync(string action, string formPage, Dictionary<string, string> fields) =>
        ConsoleSession.PostFormAsync(_browser, action, formPage, fields);

    /// <summary>The error span right after the field named <paramref name="field"/> holds a message.</summary>
    private static Regex FieldError(string field) =>
        new($"name=\"{Regex.Escape(field)}\"[^>]*aria-invalid=\"true\"[\\s\\S]*?<span class=\"field-error\">[^<]+</span>");


    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

[Collection(PostgresLicensedCollection.Name)]
public sealed class StreamPagesTestsOnPostgres(PostgresLicensedHostFixture fixture) : StreamPagesTests(fixture);

[Collection(SqliteLicensedCollection.Name)]
public sealed class StreamPagesTestsOnSqlite(SqliteLicensedHostFixture fixture) : StreamPagesTests(fixture);
