using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Licensing;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Streams;

/// <summary>The Stream service and the License service over REST, as an administrator and an operator use them.</summary>
public abstract class StreamsAndLicensingTests(LicensedHostFixture fixture) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    private LunaPointFactory Factory => fixture.Factory;

    public async Task InitializeAsync()
    {
        _admin = await Factory.CreateAdminClientAsync();
        // Every test starts from no streams and the Community licence.
        foreach (var stream in (await Json(await _admin.GetAsync("/api/v1/streams?pageSize=500"))).GetProperty("items").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/v1/streams/{stream.GetProperty("id").GetString()}")).StatusCode);
        }

        await UploadAsync(License(maxStreams: LicenseDefaults.CommunityStreams), expect: HttpStatusCode.OK);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Stream_CreateGetListPutPatchLogsDelete()
    {
        using var created = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("Main entrance") with { Description = "Lobby camera" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stream = await Json(created);
        var id = stream.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/streams/{id}", created.Headers.Location?.ToString());
        Assert.Equal("pending", stream.GetProperty("status").GetString());
        Assert.Equal(10, stream.GetProperty("settings").GetProperty("maxAnalysisFps").GetDouble());
        Assert.Equal(600, stream.GetProperty("settings").GetProperty("bestShot").GetProperty("timeoutMs").GetInt32());

        var list = await Json(await _admin.GetAsync("/api/v1/streams?name=entr&type=rtsp&status=pending&enabled=true"));
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal(0, (await Json(await _admin.GetAsync("/api/v1/streams?type=videofile"))).GetProperty("total").GetInt64());

        using var put = await _admin.PutAsJsonAsync($"/api/v1/streams/{id}", Rtsp("Main entrance") with { Settings = new { maxAnalysisFps = 5, detectorStep = 3 } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var patch = await _admin.PatchAsync($"/api/v1/streams/{id}", new StringContent("""{"description":"Patched","settings":{"minFaceSize":80}}""", Encoding.UTF8, "application/merge-patch+json"));
        var patched = await Json(patch);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Patched", patched.GetProperty("description").GetString());
        Assert.Equal(80, patched.GetProperty("settings").GetProperty("minFaceSize").GetInt32());
        Assert.Equal(5, patched.GetProperty("settings").GetProperty("maxAnalysisFps").GetDouble());

        using var stop = await _admin.PostAsync($"/api/v1/streams/{id}/stop", null);
        Assert.Equal("paused", (await Json(stop)).GetProperty("status").GetString());
        var logs = (await Json(await _admin.GetAsync($"/api/v1/streams/{id}/logs"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["paused", "pending"], logs.Select(l => l.GetProperty("to").GetString()));
        Assert.StartsWith("stopped by admin", logs[0].GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/v1/streams/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/api/v1/streams/{id}")).StatusCode);
    }

    public static TheoryData<string, string> InvalidStreams() => new()
    {
        { """{"type":"rtsp","source":"rtsp://cam/1"}""", "name" },
        { """{"name":"a","type":"ftp","source":"rtsp://cam/1"}""", "type" },
        { """{"name":"a","type":"rtsp","source":"http://cam/1"}""", "source" },
        { """{"name":"a","type":"http","source":"rtsp://cam/1"}""", "source" },
        { """{"name":"a","type":"udp","source":"tcp://cam:5000"}""", "source" },
        { """{"name":"a","type":"tcp","source":"tcp://127.0.0.1:8799?listen=1"}""", "source" },
        { """{"name":"a","type":"udp","source":"udp://127.0.0.1:8798?localport=8797&reuse=1"}""", "source" },
        { """{"name":"a","type":"videofile","source":"/no/such/file.mp4"}""", "source" },
        { """{"name":"a","type":"videofile","source":"relative/file.mp4"}""", "source" },
        { """{"name":"a","type":"images","source":"/no/such/folder"}""", "source" },
        { """{"name":"a","type":"webcam","source":"front"}""", "source" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","location":{"latitude":100}}""", "location.latitude" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"maxAnalysisFps":0}}""", "settings.maxAnalysisFps" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"detectorStep":0}}""", "settings.detectorStep" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"detectionThreshold":1.5}}""", "settings.detectionThreshold" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"roi":{"x":0.8,"y":0,"width":0.5,"height":0.5}}}""", "settings.roi.width" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"roi":{"x":0.1,"y":0.1,"width":0,"height":0.5}}}""", "settings.roi.width" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"roi":{"points":[{"x":0,"y":0},{"x":0.5,"y":0.5},{"x":1,"y":1}]}}}""", "settings.roi.points" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"roi":{"points":[{"x":0,"y":0},{"x":1.5,"y":0},{"x":0,"y":1}]}}}""", "settings.roi.points[1]" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"webhookUrl":"ftp://receiver/x"}}""", "settings.webhookUrl" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"listIds":["00000000-0000-0000-0000-000000000000"]}}""", "settings.listIds" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"bestShot":{"minSize":100,"properSize":50}}}""", "settings.bestShot.properSize" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"healthcheck":{"reconnectDelayMs":5000,"maxBackoffMs":1000}}}""", "settings.healthcheck.maxBackoffMs" },
        { """{"name":"a","type":"rtsp","source":"rtsp://cam/1","settings":{"rtspTransport":"http"}}""", "settings.rtspTransport" },
    };

    [Theory]
    [MemberData(nameof(InvalidStreams))]
    public async Task InvalidStream_Returns400NamingTheField(string body, string field)
    {
        using var response = await _admin.PostAsync("/api/v1/streams", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Json(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem.GetRawText()}");
    }

    [Fact]
    public async Task CameraPasswords_AreMaskedInReads_AndKeptForExport()
    {
        using var created = await _admin.PostAsJsonAsync("/api/v1/streams", new StreamBody("Vault", "rtsp", "rtsp://viewer:S3cret-Pass@10.1.2.3:554/live"));
        var id = (await Json(created)).GetProperty("id").GetString();
        using var viewer = await Factory.CreateClientAsAsync(Roles.Viewer);

        var read = await viewer.GetStringAsync($"/api/v1/streams/{id}");
        var list = await viewer.GetStringAsync("/api/v1/streams");
        var export = await _admin.GetStringAsync("/api/v1/streams/export");

        Assert.Contains("rtsp://viewer:***@10.1.2.3:554/live", read);
        Assert.DoesNotContain("S3cret-Pass", read + list);
        Assert.Contains("S3cret-Pass", export);
        using var patched = await _admin.PatchAsync($"/api/v1/streams/{id}", new StringContent("""{"description":"keeps the password"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Contains("S3cret-Pass", await _admin.GetStringAsync("/api/v1/streams/export"));
    }

    [Fact]
    public async Task MalformedJson_Returns400Problem()
    {
        using var response = await _admin.PostAsync("/api/v1/streams", new StringContent("""{"name": "a", """, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FileAndFolderSources_UnderTheDefaultMediaRoot_AreAccepted()
    {
        // The default media root, <DataDir>/media, exists from the start.
        var root = Path.Combine(Factory.Database.DataDir, "media");
        var frames = Directory.CreateDirectory(Path.Combine(root, $"frames-{Guid.NewGuid():N}")).FullName;
        var video = Path.Combine(frames, "vtest.avi");
        File.Copy(RepoPaths.Media("vtest.avi"), video);

        using var file = await _admin.PostAsJsonAsync("/api/v1/streams", new { name = "Recorded", type = "videofile", source = video, enabled = false });
        using var folder = await _admin.PostAsJsonAsync("/api/v1/streams", new { name = "Frames", type = "images", source = frames, enabled = false });
        using var webcam = await _admin.PostAsJsonAsync("/api/v1/streams", new { name = "Desk", type = "webcam", source = "0", enabled = false });
        using var outside = await _admin.PostAsJsonAsync("/api/v1/streams", new { name = "Elsewhere", type = "videofile", source = RepoPaths.Media("vtest.avi"), enabled = false });

        Assert.Equal(HttpStatusCode.Created, file.StatusCode);
        Assert.Equal(HttpStatusCode.Created, folder.StatusCode);
        Assert.Equal(HttpStatusCode.Created, webcam.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("paused", (await Json(file)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task MaxStreams_ExactlyAtTheLimitIsAllowed_OnePastIsRefused()
    {
        for (var i = 1; i <= LicenseDefaults.CommunityStreams; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp($"cam {i}"))).StatusCode);
        }

        using var onePast = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("cam 5"));
        Assert.Equal(HttpStatusCode.Conflict, onePast.StatusCode);
        var problem = await Json(onePast);
        Assert.Equal("license.maxStreams", problem.GetProperty("code").GetString());
        Assert.Contains("maxStreams", problem.GetProperty("detail").GetString());

        using var disabled = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("cam 5") with { Enabled = false });
        Assert.Equal(HttpStatusCode.Created, disabled.StatusCode);
        var spareId = (await Json(disabled)).GetProperty("id").GetString();
        using var operatorClient = await Factory.CreateClientAsAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsync($"/api/v1/streams/{spareId}/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PatchAsync($"/api/v1/streams/{spareId}", new StringContent("""{"enabled":true}""", Encoding.UTF8, "application/json"))).StatusCode);

        var usage = await Json(await _admin.GetAsync("/api/v1/license"));
        Assert.Equal(LicenseDefaults.CommunityStreams, usage.GetProperty("usage").GetProperty("streams").GetInt32());
        Assert.Contains(usage.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("streams are in use"));
    }

    [Fact]
    public async Task LicensedSettings_AreRefusedWithoutTheFeature_AndAcceptedAfterAnUpload_WithoutRestart()
    {
        using var refused = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("gate") with { Settings = new { liveness = true } });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("license.liveness", (await Json(refused)).GetProperty("code").GetString());
        Assert.Equal("license.bodies", (await Json(await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("gate") with { Settings = new { bodies = true } }))).GetProperty("code").GetString());

        var status = await UploadAsync(License(maxStreams: 6, liveness: true, licensee: "Acme Security"), expect: HttpStatusCode.OK);
        Assert.Equal("Acme Security", status.GetProperty("license").GetProperty("licensee").GetString());

        using var accepted = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("gate") with { Settings = new { liveness = true } });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        for (var i = 2; i <= 6; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp($"cam {i}"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("cam 7"))).StatusCode);
    }

    [Fact]
    public async Task TamperedWrongKeyExpiredOrMalformedLicences_AreRejected_AndThePreviousStaysInForce()
    {
        await UploadAsync(License(maxStreams: 5, licensee: "Current Ltd"), expect: HttpStatusCode.OK);
        var good = License(maxStreams: 50, licensee: "Tampered Ltd");
        var bytes = Convert.FromBase64String(good.Document);
        var tampered = good with { Document = Convert.ToBase64String(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("50", "99"))) };
        var (otherKey, _) = LicenseSigner.CreateKeyPair();
        var wrongKey = LicenseSigner.Sign(Document("Other Vendor", 50, DateTimeOffset.UtcNow.AddYears(1)), otherKey);
        var expired = LicenseSigner.Sign(Document("Late Ltd", 50, DateTimeOffset.UtcNow.AddDays(-1)), fixture.PrivateKeyPem);

        Assert.True((await UploadAsync(tampered, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("signature", out _));
        Assert.True((await UploadAsync(wrongKey, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("signature", out _));
        Assert.True((await UploadAsync(expired, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("document.expires", out _));
        Assert.True((await UploadAsync(new SignedLicense("", ""), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("document", out _));
        Assert.True((await UploadAsync(new SignedLicense("not base64!", "x"), HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("document", out _));
        using var malformed = await _admin.PutAsync("/api/v1/license", new StringContent("{\"document\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var current = await Json(await _admin.GetAsync("/api/v1/license"));
        Assert.Equal("Current Ltd", current.GetProperty("license").GetProperty("licensee").GetString());
        Assert.Equal(5, current.GetProperty("license").GetProperty("maxStreams").GetInt32());
    }

    [Fact]
    public async Task LicencePage_SaysWhatWasInstalled_AndExplainsAFileThatIsNotALicence()
    {
        using var console = await ConsoleSession.SignInAsync(Factory, "admin", LunaPointFactory.AdminPassword);

        using var refused = await ConsoleSession.PostFormAsync(console, "/license", "/license", new Dictionary<string, string> { ["licenseJson"] = "not json at all" });
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This is not a licence file", refusedPage);
        Assert.DoesNotContain("BytePositionInLine", refusedPage);
        Assert.Contains(">not json at all</textarea>", refusedPage);

        var json = JsonSerializer.Serialize(LicenseSigner.Sign(Document("Page Ltd", 4, new DateTimeOffset(2031, 6, 30, 0, 0, 0, TimeSpan.Zero)), fixture.PrivateKeyPem), SignedLicense.Json);
        using var installed = await ConsoleSession.PostFormAsync(console, "/license", "/license", new Dictionary<string, string> { ["licenseJson"] = json });
        Assert.Equal(HttpStatusCode.Redirect, installed.StatusCode);
        var page = await console.GetStringAsync("/license");
        Assert.Contains("Licence for Page Ltd installed, valid until 2031-06-30.", page);
        Assert.DoesNotContain("installed, valid until", await console.GetStringAsync("/license"));
    }

    [Fact]
    public async Task LicenceExpiringWithin14Days_IsWarnedAbout_InApiAndPage()
    {
        await UploadAsync(LicenseSigner.Sign(Document("Soon Ltd", 4, DateTimeOffset.UtcNow.AddDays(10).AddHours(1)), fixture.PrivateKeyPem), HttpStatusCode.OK);

        var status = await Json(await _admin.GetAsync("/api/v1/license"));
        var page = await _admin.GetStringAsync("/license");

        Assert.Equal(10, status.GetProperty("daysToExpiry").GetInt32());
        Assert.Contains(status.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("expires in 10 day(s)"));
        Assert.Contains("expires in 10 day(s)", page);
        Assert.Contains("Soon Ltd", page);
    }

    [Fact]
    public async Task ConsolePages_ShowStreamsAndLicence_AndKeepSettingsForAdministrators()
    {
        await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("Loading dock"));
        using var viewer = await Factory.CreateClientAsAsync(Roles.Viewer);

        var adminPage = await _admin.GetStringAsync("/streams");
        var viewerStreams = await viewer.GetStringAsync("/streams");
        var viewerLicense = await viewer.GetStringAsync("/license");

        Assert.Contains("Loading dock", adminPage);
        Assert.Contains("New stream", adminPage);
        Assert.Contains("Loading dock", viewerStreams);
        Assert.DoesNotContain("New stream", viewerStreams);
        Assert.DoesNotContain(">Stop<", viewerStreams);
        Assert.DoesNotContain("Upload a licence", viewerLicense);
        var operatorName = await Factory.CreateUserAsync(Roles.Operator);
        using var browser = await ConsoleSession.SignInAsync(Factory, operatorName, AuthClients.Password);
        using var operatorDelete = await PostFormAsync(browser, "/streams?handler=Delete", "/streams", new() { ["id"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, operatorDelete.StatusCode);
    }

    [Fact]
    public async Task FewerThan15PercentOfLicensedFacesLeft_IsWarnedAbout_WithUsageCountedByEvents()
    {
        await UploadAsync(LicenseSigner.Sign(Document("Faces Ltd", 4, DateTimeOffset.UtcNow.AddYears(1), maxFaces: 100), fixture.PrivateKeyPem), HttpStatusCode.OK);
        await using var scope = Factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var list = new FaceList { Id = Guid.NewGuid(), Name = $"watch-{Guid.NewGuid():N}", Color = "#ff0000", Threshold = 0.8, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        events.Lists.Add(list);
        var faces = Enumerable.Range(0, 90).Select(i => new Face { Id = Guid.NewGuid(), Name = $"person {i}", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow }).ToList();
        events.Faces.AddRange(faces);
        events.ListMembers.AddRange(faces.Select(f => new ListMember { ListId = list.Id, FaceId = f.Id, AddedAt = DateTimeOffset.UtcNow }));
        events.FacePhotos.AddRange(faces.Select(f => new FacePhoto { Id = Guid.NewGuid(), FaceId = f.Id, Descriptor = new byte[2048], DescriptorModel = "fr_feature", CreatedAt = DateTimeOffset.UtcNow }));
        await events.SaveChangesAsync();
        try
        {
            var status = await Json(await _admin.GetAsync("/api/v1/license"));

            Assert.Equal(90, status.GetProperty("usage").GetProperty("facesWithDescriptors").GetInt64());
            Assert.Contains(status.GetProperty("warnings").EnumerateArray(), w => w.GetString() == "Only 10 of 100 licensed faces remain.");
        }
        finally
        {
            var ids = faces.Select(f => f.Id).ToList();
            await events.Faces.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync();
            await events.Lists.Where(l => l.Id == list.Id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task WorkerStatusReports_UpdateTheStream_AndItsLog()
    {
        var id = Guid.Parse((await Json(await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("platform 2")))).GetProperty("id").GetString()!);
        var frameAt = DateTimeOffset.UtcNow;

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            await sender.Send(new ReportStreamStatus(id, StreamState.InProgress, "connected", frameAt, 24.8));
            await sender.Send(new ReportStreamStatus(id, StreamState.Failed, "connection refused; reconnecting in 2 s"));
        }

        var stream = await Json(await _admin.GetAsync($"/api/v1/streams/{id}"));
        Assert.Equal("failed", stream.GetProperty("status").GetString());
        Assert.Equal("connection refused; reconnecting in 2 s", stream.GetProperty("lastError").GetString());
        Assert.Equal(24.8, stream.GetProperty("inputFps").GetDouble());
        Assert.Equal(frameAt.ToUnixTimeMilliseconds(), stream.GetProperty("lastFrameAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        var log = (await Json(await _admin.GetAsync($"/api/v1/streams/{id}/logs"))).GetProperty("items").EnumerateArray()
            .Select(l => (l.GetProperty("from").GetString(), l.GetProperty("to").GetString())).ToList();
        Assert.Equal([("in_progress", "failed"), ("pending", "in_progress"), (null, "pending")], log);
        Assert.Single((await Json(await _admin.GetAsync("/api/v1/streams?status=failed"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task StreamsPage_DeleteHandler_IsForAdministratorsOnly_EvenWithAValidForm()
    {
        var id = (await Json(await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("Side door")))).GetProperty("id").GetString()!;
        var operatorName = await Factory.CreateUserAsync(Roles.Operator);
        using var browser = await ConsoleSession.SignInAsync(Factory, operatorName, AuthClients.Password);

        using var refused = await PostFormAsync(browser, "/streams?handler=Delete", "/streams", new() { ["id"] = id });
        using var stopped = await PostFormAsync(browser, "/streams?handler=Stop", "/streams", new() { ["id"] = id });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal("paused", (await Json(await _admin.GetAsync($"/api/v1/streams/{id}"))).GetProperty("status").GetString());
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string action, string formPage, Dictionary<string, string> fields) =>
        ConsoleSession.PostFormAsync(browser, action, formPage, fields);

    [Fact]
    public async Task LicenceExpiry_PausesRunningStreams_WithTheReason()
    {
        var id = (await Json(await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("night cam")))).GetProperty("id").GetString();

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new LicenseExpired("Acme", DateTimeOffset.UtcNow));
        }

        var stream = await Json(await _admin.GetAsync($"/api/v1/streams/{id}"));
        Assert.Equal("paused", stream.GetProperty("status").GetString());
        var log = (await Json(await _admin.GetAsync($"/api/v1/streams/{id}/logs"))).GetProperty("items")[0];
        Assert.Equal("licence expired", log.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ExportThenImport_RoundTrips_AndABadItemImportsNothing()
    {
        await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("a") with { Settings = new { maxAnalysisFps = 4, roi = new { x = 0.1, y = 0.1, width = 0.5, height = 0.5 } } });
        await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("b") with { Enabled = false });
        var exported = await (await _admin.GetAsync("/api/v1/streams/export")).Content.ReadAsStringAsync();
        foreach (var stream in (await Json(await _admin.GetAsync("/api/v1/streams"))).GetProperty("items").EnumerateArray())
        {
            await _admin.DeleteAsync($"/api/v1/streams/{stream.GetProperty("id").GetString()}");
        }

        using var imported = await _admin.PostAsync("/api/v1/streams/import", new StringContent(exported, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(exported, await (await _admin.GetAsync("/api/v1/streams/export")).Content.ReadAsStringAsync());

        using var bad = await _admin.PostAsJsonAsync("/api/v1/streams/import", new object[] { Rtsp("c") with { Enabled = false }, new { name = "d", type = "rtsp", source = "http://x/" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json(bad)).GetProperty("errors").TryGetProperty("streams[1].source", out _));
        Assert.Equal(2, (await Json(await _admin.GetAsync("/api/v1/streams"))).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Operator_StartsAndStops_ButCannotChangeSettings_ViewerOnlyReads()
    {
        var id = (await Json(await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("yard") with { Enabled = false }))).GetProperty("id").GetString();
        using var operatorClient = await Factory.CreateClientAsAsync(Roles.Operator);
        using var viewer = await Factory.CreateClientAsAsync(Roles.Viewer);

        Assert.Equal("pending", (await Json(await operatorClient.PostAsync($"/api/v1/streams/{id}/start", null))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.DeleteAsync($"/api/v1/streams/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/streams/{id}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/streams/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/license")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PutAsJsonAsync("/api/v1/license", License(maxStreams: 9))).StatusCode);
    }

    [Fact]
    public async Task LicenceCli_KeygenAndIssue_ProduceALicenceThisHostAccepts()
    {
        // Holds a private key: deleted when the test ends.
        using var folder = new LunaPoint.Tests.Platform.TempFolder("lunapoint-license-");
        var dir = folder.Path;
        var keyFile = Path.Combine(dir, "vendor.pem");
        await File.WriteAllTextAsync(keyFile, fixture.PrivateKeyPem);
        var licenseFile = Path.Combine(dir, "customer.json");

        Assert.Equal(0, LicensingModule.RunLicenseCli(["license", "keygen", "--out", dir]));
        Assert.True(File.Exists(Path.Combine(dir, "licensing-public.pem")));
        Assert.Equal(0, LicensingModule.RunLicenseCli(["license", "issue", "--key", keyFile, "--licensee", "CLI Customer", "--expires", "2099-01-01", "--max-streams", "12", "--bodies", "--out", licenseFile]));
        Assert.Equal(2, LicensingModule.RunLicenseCli(["license", "issue", "--licensee", "no key"]));
        var misspelt = Path.Combine(Path.GetDirectoryName(licenseFile)!, "misspelt.json");
        Assert.Equal(2, LicensingModule.RunLicenseCli(["license", "issue", "--key", keyFile, "--licensee", "Typo", "--expires", "2099-01-01", "--iso", "--out", misspelt]));
        Assert.False(File.Exists(misspelt));

        var license = JsonSerializer.Deserialize<SignedLicense>(await File.ReadAllTextAsync(licenseFile), SignedLicense.Json)!;
        var status = await UploadAsync(license, HttpStatusCode.OK);
        Assert.Equal(12, status.GetProperty("license").GetProperty("maxStreams").GetInt32());
        Assert.True(status.GetProperty("license").GetProperty("bodies").GetBoolean());
    }

    [Fact]
    public async Task LicensedSettings_EveryMissingFeatureIsNamed_InOneRefusal()
    {
        using var refused = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("all three") with { Settings = new { liveness = true, bodies = true, isoChecks = true } });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await Json(refused);
        Assert.Equal("license.liveness", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.All(new[] { "settings.liveness", "settings.bodies", "settings.isoChecks" }, name => Assert.Contains(name, detail));
    }

    [Fact]
    public async Task AStreamWhoseFeatureTheLicenceLost_CanBeRenamedStoppedAndStarted_ButNotGivenAnotherUnlicensedFeature()
    {
        await UploadAsync(License(maxStreams: 4, liveness: true), expect: HttpStatusCode.OK);
        using var created = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("door") with { Settings = new { liveness = true } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        await UploadAsync(License(maxStreams: 4, liveness: false), expect: HttpStatusCode.OK);

        using var renamed = await _admin.PatchAsync($"/api/v1/streams/{id}", new StringContent("""{"name":"front door"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.True((await Json(renamed)).GetProperty("settings").GetProperty("liveness").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/v1/streams/{id}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/v1/streams/{id}/start", null)).StatusCode);

        using var more = await _admin.PatchAsync($"/api/v1/streams/{id}", new StringContent("""{"settings":{"bodies":true}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, more.StatusCode);
        var problem = await Json(more);
        Assert.Equal("license.bodies", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("settings.liveness", problem.GetProperty("detail").GetString());
        using var another = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("new door") with { Settings = new { liveness = true } });
        Assert.Equal(HttpStatusCode.Conflict, another.StatusCode);
    }

    [Theory]
    [InlineData("""{"iso":true}""", "settings.iso")]
    [InlineData("""{"bestShot":{"timeout":100}}""", "settings.bestShot.timeout")]
    [InlineData("""{"roi":{"x":0.1,"y":0.1,"width":0.5,"height":0.5,"w":1}}""", "settings.roi.w")]
    public async Task UnknownSettings_AreRefusedNamingThem_OnCreateAndPatch(string settings, string field)
    {
        using var created = await _admin.PostAsync("/api/v1/streams", new StringContent(
            $$"""{"name":"typo","type":"rtsp","source":"rtsp://127.0.0.1:8554/typo","settings":{{settings}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains(field, (await created.Content.ReadAsStringAsync()));

        using var ok = await _admin.PostAsJsonAsync("/api/v1/streams", Rtsp("typo ok"));
        var id = (await Json(ok)).GetProperty("id").GetGuid();
        using var patched = await _admin.PatchAsync($"/api/v1/streams/{id}", new StringContent($$"""{"settings":{{settings}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
        Assert.Contains(field, (await patched.Content.ReadAsStringAsync()));
    }

    private static StreamBody Rtsp(string name) => new(name, "rtsp", $"rtsp://127.0.0.1:8554/{Uri.EscapeDataString(name)}");

    private SignedLicense License(int maxStreams, bool liveness = false, string licensee = "Test Customer") =>
        LicenseSigner.Sign(Document(licensee, maxStreams, DateTimeOffset.UtcNow.AddYears(1), liveness), fixture.PrivateKeyPem);

    private static LicenseDocument Document(string licensee, int maxStreams, DateTimeOffset expires, bool liveness = false, long maxFaces = 10_000) =>
        new(licensee, DateTimeOffset.UtcNow, expires, maxStreams, maxFaces, liveness, false, false, false);

    private async Task<JsonElement> UploadAsync(SignedLicense license, HttpStatusCode expect)
    {
        using var response = await _admin.PutAsJsonAsync("/api/v1/license", license);
        var body = await Json(response);
        Assert.True(response.StatusCode == expect, $"licence upload: {(int)response.StatusCode} {body.GetRawText()}");
        return body;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private sealed record StreamBody(string Name, string Type, string Source, bool Enabled = true, string? Description = null, object? Settings = null);

    private static class LicenseDefaults
    {
        public const int CommunityStreams = 4;
    }
}

[Collection(PostgresLicensedCollection.Name)]
public sealed class StreamsAndLicensingTestsOnPostgres(PostgresLicensedHostFixture fixture) : StreamsAndLicensingTests(fixture);

[Collection(SqliteLicensedCollection.Name)]
public sealed class StreamsAndLicensingTestsOnSqlite(SqliteLicensedHostFixture fixture) : StreamsAndLicensingTests(fixture);
