using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Platform;
using static LunaPoint.Tests.Modules.Detection.PhotoApi.PhotoApiTests;

namespace LunaPoint.Tests.Modules.Detection.PhotoApi;

/// <summary>Every bad photo is a 4xx problem naming its field, never a 500.</summary>
public abstract class PhotoApiBadInputTests(HostFixture fixture) : IAsyncLifetime
{
    private HttpClient _viewer = null!;

    public async Task InitializeAsync() => _viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EmptyBody_Returns400NamingImage() =>
        await AssertRefusedAsync(await PostAsync(Bytes([], "image/jpeg")), HttpStatusCode.BadRequest, "image");

    [Fact]
    public async Task MultipartWithoutAnImageField_Returns400NamingImage()
    {
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "photo" } };
        await AssertRefusedAsync(await PostAsync(form), HttpStatusCode.BadRequest, "image");
    }

    [Fact]
    public async Task MultipartCutShort_Returns4xxNamingImage()
    {
        var body = Encoding.ASCII.GetBytes("--b1\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0 no end");
        using var content = Bytes(body, null);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b1");

        using var response = await _viewer.PostAsync("/api/v1/detections", content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is 400 or 422, $"{(int)response.StatusCode} {text} {LastError()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DescriptorThatIsNotABoolean_Returns400NamingIt() =>
        await AssertRefusedAsync(await PostAsync(Photo("facereg.jpg", "image/jpeg"), "?descriptor=abc"), HttpStatusCode.BadRequest, "descriptor");

    [Theory]
    [InlineData("text/plain")]
    [InlineData("video/x-msvideo")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task NonImageContentType_Returns415NamingImage(string? mediaType) =>
        await AssertRefusedAsync(await PostAsync(Bytes(Encoding.UTF8.GetBytes("{\"image\": \"not a photo\"}"), mediaType)), HttpStatusCode.UnsupportedMediaType, "image");

    [Fact]
    public async Task PhotoSentAsAForm_ByCurlsDefault_IsRefusedWithoutEchoingItsBytes()
    {
        // curl --data-binary sends application/x-www-form-urlencoded: the photo's bytes become form "names".
        var photo = await File.ReadAllBytesAsync(RepoPaths.Media("messi5.jpg"));
        var marker = Encoding.ASCII.GetBytes("SECRETMARKER\0&");
        using var response = await PostAsync(Bytes([.. marker, .. photo], "application/x-www-form-urlencoded"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is 400 or 415, $"{(int)response.StatusCode} {text} {LastError()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("SECRETMARKER", text);
        Assert.DoesNotContain("JFIF", text);
    }

    [Fact]
    public async Task RandomBytesTextAndVideo_ClaimingToBeAJpeg_Return422NamingImage()
    {
        var random = new byte[4096];
        new Random(5).NextBytes(random);
        var video = (await File.ReadAllBytesAsync(RepoPaths.Media("vtest.avi")))[..200_000];
        foreach (var bytes in new[] { random, Encoding.UTF8.GetBytes("just some text, not a picture\n"), video })
        {
            await AssertRefusedAsync(await PostAsync(Bytes(bytes, "image/jpeg")), (HttpStatusCode)422, "image");
        }

        using var form = new MultipartFormDataContent { { Bytes(random, "image/png"), "image", "x.png" } };
        await AssertRefusedAsync(await PostAsync(form), (HttpStatusCode)422, "image");
    }

    [Theory]
    [InlineData("messi5.jpg", "image/jpeg")]
    [InlineData("astronaut.png", "image/png")]
    public async Task TruncatedPhoto_Returns422NamingImage(string fileName, string mediaType)
    {
        var bytes = await File.ReadAllBytesAsync(RepoPaths.Media(fileName));

        var problem = await AssertRefusedAsync(await PostAsync(Bytes(bytes[..(bytes.Length * 2 / 3)], mediaType)), (HttpStatusCode)422, "image");

        Assert.Contains("cut short", problem);
    }

    [Fact]
    public async Task BodyOverMaxBytes_Returns413NamingImage()
    {
        // A real JPEG followed by 16 MB: over the 15 MB default, refused while reading.
        var photo = await File.ReadAllBytesAsync(RepoPaths.Media("messi5.jpg"));
        var big = new byte[16 * 1024 * 1024];
        photo.CopyTo(big, 0);

        await AssertRefusedAsync(await PostAsync(Bytes(big, "image/jpeg")), HttpStatusCode.RequestEntityTooLarge, "image");
        using var form = new MultipartFormDataContent { { Bytes(big, "image/jpeg"), "image", "big.jpg" } };
        await AssertRefusedAsync(await PostAsync(form), HttpStatusCode.RequestEntityTooLarge, "image");
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    public async Task Image20000x20000_IsRefusedFromItsHeader_With413(string format)
    {
        var bytes = format == "png" ? HugePng() : HugeJpeg(await File.ReadAllBytesAsync(RepoPaths.Media("messi5.jpg")));

        var problem = await AssertRefusedAsync(await PostAsync(Bytes(bytes, "image/" + format)), HttpStatusCode.RequestEntityTooLarge, "image");

        Assert.Contains("20000x20000", problem);
    }

    [Fact]
    public async Task ModelsNotLoaded_Returns503Problem()
    {
        using var folder = new TempFolder("lunapoint-nomodels-");
        await using var factory = await LunaPointFactory.StartAsync(fixture.Provider, new Dictionary<string, string?> { ["LunaPoint:ModelsDir"] = folder.Path });
        using var admin = await AdministratorOnceCreatedAsync(factory);

        using var response = await admin.PostAsync("/api/v1/detections", Photo("astronaut.png", "image/png"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The bootstrap administrator of a host that is not ready (so WaitUntilReadyAsync cannot be used).</summary>
    private static async Task<HttpClient> AdministratorOnceCreatedAsync(LunaPointFactory factory)
    {
        using var anonymous = factory.CreateClient();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var response = await anonymous.RequestTokenAsync("admin", LunaPointFactory.AdminPassword);
            if (response.IsSuccessStatusCode)
            {
                return factory.CreateClientWithToken(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!);
            }
        }

        throw new TimeoutException("The administrator was never created.");
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string query = "")
    {
        using (content)
        {
            return await _viewer.PostAsync("/api/v1/detections" + query, content);
        }
    }

    /// <returns>The problem's text.</returns>
    private async Task<string> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {text} {LastError()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {text}");
            return text;
        }
    }

    /// <summary>What the host logged last as an unhandled error: a 500 says why in the failure message.</summary>
    private string LastError() => fixture.Factory.Logs.Lines.LastOrDefault(l => l.Exception is not null)?.Exception?.ToString() ?? "";

    /// <summary>A PNG signature and an IHDR of 20000x20000 RGB, then an IEND: a valid header, no pixels.</summary>
    private static byte[] HugePng()
    {
        var bytes = new byte[8 + 25 + 12];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), 20000);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), 20000);
        bytes[24] = 8;
        bytes[25] = 2;
        "IEND"u8.CopyTo(bytes.AsSpan(37));
        return bytes;
    }

    /// <summary>A real JPEG whose frame header (SOF0) is rewritten to say 20000x20000.</summary>
    private static byte[] HugeJpeg(byte[] jpeg)
    {
        var bytes = (byte[])jpeg.Clone();
        var sof = bytes.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 });
        Assert.True(sof > 0, "messi5.jpg has no SOF0 marker");
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 5), 20000);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 7), 20000);
        return bytes;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PhotoApiBadInputTestsOnPostgres(PostgresHostFixture fixture) : PhotoApiBadInputTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class PhotoApiBadInputTestsOnSqlite(SqliteHostFixture fixture) : PhotoApiBadInputTests(fixture);
