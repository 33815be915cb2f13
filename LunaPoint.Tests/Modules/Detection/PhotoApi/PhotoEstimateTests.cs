using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LunaPoint.Modules.Licensing.Signing;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Modules.Streams;

namespace LunaPoint.Tests.Modules.Detection.PhotoApi;

/// <summary>POST /api/v1/detections?estimate=...: each estimate on a real photo, bad names refused, licensed ones gated by the licence.</summary>
public abstract class PhotoEstimateTests(LicensedHostFixture fixture) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await fixture.Factory.CreateAdminClientAsync();
        await UploadLicenceAsync(liveness: false, iso: false);
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Estimates_OnAstronaut_ComeWithEachFace_InCamelCase()
    {
        await UploadLicenceAsync(liveness: true, iso: true);

        // Repeated, comma-separated, padded and in any case: all one list.
        using var response = await PostAsync("astronaut.png", "?estimate=Liveness,%20attributes&estimate=POSE&estimate=eyes,iso");

        var face = Assert.Single((await JsonAsync(response, HttpStatusCode.OK)).GetProperty("faces").EnumerateArray());
        var estimates = face.GetProperty("estimates");
        Assert.Equal("real", estimates.GetProperty("liveness").GetProperty("state").GetString());
        Assert.InRange(estimates.GetProperty("liveness").GetProperty("score").GetDouble(), 0.5, 1);
        Assert.Equal("female", estimates.GetProperty("attributes").GetProperty("gender").GetString());
        Assert.InRange(estimates.GetProperty("attributes").GetProperty("age").GetDouble(), 25, 60);
        Assert.InRange(estimates.GetProperty("pose").GetProperty("yaw").GetDouble(), -10, 10);
        Assert.Equal("open", estimates.GetProperty("eyes").GetProperty("left").GetProperty("state").GetString());
        Assert.Equal("open", estimates.GetProperty("eyes").GetProperty("right").GetProperty("state").GetString());
        Assert.InRange(estimates.GetProperty("image").GetProperty("sharpness").GetDouble(), 0.3, 1);
        Assert.NotEmpty(estimates.GetProperty("iso").GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task NoEstimate_LeavesEstimatesOut_AndOneEstimate_FillsOnlyIt()
    {
        using var plain = await PostAsync("astronaut.png", "");
        using var pose = await PostAsync("astronaut.png", "?estimate=pose");

        Assert.False(Assert.Single((await JsonAsync(plain, HttpStatusCode.OK)).GetProperty("faces").EnumerateArray()).TryGetProperty("estimates", out _));
        var estimates = Assert.Single((await JsonAsync(pose, HttpStatusCode.OK)).GetProperty("faces").EnumerateArray()).GetProperty("estimates");
        Assert.Equal(JsonValueKind.Object, estimates.GetProperty("pose").ValueKind);
        Assert.Equal(JsonValueKind.Null, estimates.GetProperty("liveness").ValueKind);
        Assert.Equal(JsonValueKind.Null, estimates.GetProperty("attributes").ValueKind);
    }

    [Theory]
    [InlineData("?estimate=age", "'age'")]
    [InlineData("?estimate=pose,,eyes", "empty item")]
    [InlineData("?estimate=", "empty item")]
    [InlineData("?estimate=%3Cscript%3E", "Unknown estimate;")]
    public async Task UnknownOrEmptyName_Returns400NamingEstimate(string query, string said)
    {
        using var response = await PostAsync("astronaut.png", query);

        var body = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = Assert.Single(body.GetProperty("errors").GetProperty("estimate").EnumerateArray()).GetString()!;
        Assert.Contains(said, message);
        Assert.Contains("liveness, attributes, pose, eyes, iso", message);
        Assert.DoesNotContain("<script>", body.GetRawText());
    }

    [Theory]
    [InlineData("liveness", "license.liveness")]
    [InlineData("iso", "license.isoChecks")]
    [InlineData("attributes,iso", "license.isoChecks")]
    [InlineData("liveness,iso", "license.liveness")]
    public async Task LicensedEstimate_WithoutTheFeature_Returns409_AndWithIt200(string estimate, string code)
    {
        using var refused = await PostAsync("astronaut.png", $"?estimate={estimate}");
        var problem = await JsonAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains("estimate", problem.GetProperty("detail").GetString());

        await UploadLicenceAsync(liveness: true, iso: true);
        using var accepted = await PostAsync("astronaut.png", $"?estimate={estimate}");
        await JsonAsync(accepted, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(false, false, "liveness and ISO/IEC 19794-5 checks", "liveness and iso", "license.liveness")]
    [InlineData(true, false, "ISO/IEC 19794-5 checks", "iso", "license.isoChecks")]
    [InlineData(false, true, "liveness", "liveness", "license.liveness")]
    public async Task EveryMissingFeature_IsNamed_InOne409(bool liveness, bool iso, string named, string left, string code)
    {
        await UploadLicenceAsync(liveness, iso);

        using var refused = await PostAsync("astronaut.png", "?estimate=liveness,iso");

        var problem = await JsonAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"does not include {named}:", detail);
        Assert.Contains($"leave {left} out of estimate", detail);
    }

    [Fact]
    public async Task EstimatesOfEveryFace_AreRounded_AndTheWholeYalePhotoIsAnswered()
    {
        await UploadLicenceAsync(liveness: true, iso: true);

        // lbp_yale.jpg's faces fill their panels' height: liveness's crop threw there (500) before.
        using var response = await _admin.PostAsync("/api/v1/detections?estimate=liveness,attributes,pose,eyes,iso", PhotoApiTests.Photo("lbp_yale.jpg", "image/jpeg"));

        var faces = (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("faces").EnumerateArray().ToList();
        Assert.NotEmpty(faces);
        foreach (var estimates in faces.Select(f => f.GetProperty("estimates")))
        {
            Assert.Equal(JsonValueKind.Object, estimates.GetProperty("liveness").ValueKind);
            foreach (var part in new[] { "sharpness", "brightness", "exposure" })
            {
                var value = estimates.GetProperty("image").GetProperty(part).GetDouble();
                Assert.Equal(Math.Round(value, 4), value);
            }

            foreach (var check in estimates.GetProperty("iso").GetProperty("checks").EnumerateArray())
            {
                foreach (var field in new[] { "value", "min", "max" })
                {
                    if (check.GetProperty(field).ValueKind == JsonValueKind.Number)
                    {
                        Assert.Equal(Math.Round(check.GetProperty(field).GetDouble(), 4), check.GetProperty(field).GetDouble());
                    }
                }
            }
        }
    }

    [Fact]
    public async Task UnlicensedEstimate_IsRefused_BeforeThePhotoIsDecoded()
    {
        // astronaut.png with bytes inside its first IDAT chunk overwritten: the header and the chunk chain
        // stay whole, so only decoding can tell (422, a checksum error); a refusal before decoding says 409.
        var damaged = File.ReadAllBytes(RepoPaths.Media("astronaut.png"));
        var idat = damaged.AsSpan().IndexOf("IDAT"u8);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(damaged.AsSpan(idat - 4));
        Array.Fill(damaged, (byte)0x5A, idat + 4 + length / 4, length / 2);

        using var refused = await _admin.PostAsync("/api/v1/detections?estimate=liveness", PhotoApiTests.Bytes(damaged, "image/png"));
        await UploadLicenceAsync(liveness: true, iso: false);
        using var decoded = await _admin.PostAsync("/api/v1/detections?estimate=liveness", PhotoApiTests.Bytes(damaged, "image/png"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, decoded.StatusCode);
    }

    [Fact]
    public async Task PhotoWithoutFaces_WithEstimates_Returns200WithNoFaces()
    {
        await UploadLicenceAsync(liveness: true, iso: true);
        using var image = OpenCvSharp.Cv2.ImRead(RepoPaths.Media("messi5.jpg"));
        using var lower = new OpenCvSharp.Mat(image, new OpenCvSharp.Rect(0, image.Rows / 2, image.Cols, image.Rows / 2));
        OpenCvSharp.Cv2.ImEncode(".png", lower, out var png);

        using var response = await _admin.PostAsync("/api/v1/detections?estimate=liveness,attributes,pose,eyes,iso", PhotoApiTests.Bytes(png, "image/png"));

        Assert.Empty((await JsonAsync(response, HttpStatusCode.OK)).GetProperty("faces").EnumerateArray());
    }

    private Task<HttpResponseMessage> PostAsync(string photo, string query) =>
        _admin.PostAsync($"/api/v1/detections{query}", PhotoApiTests.Photo(photo, "image/png"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expect)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expect, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task UploadLicenceAsync(bool liveness, bool iso)
    {
        var document = new LicenseDocument("Photo Estimates", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1), 4, 10_000, liveness, false, iso, false);
        using var response = await _admin.PutAsJsonAsync("/api/v1/license", LicenseSigner.Sign(document, fixture.PrivateKeyPem));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"licence upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

[Collection(PostgresLicensedCollection.Name)]
public sealed class PhotoEstimateTestsOnPostgres(PostgresLicensedHostFixture fixture) : PhotoEstimateTests(fixture);

[Collection(SqliteLicensedCollection.Name)]
public sealed class PhotoEstimateTestsOnSqlite(SqliteLicensedHostFixture fixture) : PhotoEstimateTests(fixture);
