using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Detection.Features;
using LunaPoint.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Detection.PhotoApi;

/// <summary>POST /api/v1/detections with real photos: faces where they are, largest first, descriptors of norm 1; who may call it.</summary>
public abstract class PhotoApiTests(HostFixture fixture) : IAsyncLifetime
{
    private HttpClient _viewer = null!;

    public async Task InitializeAsync() => _viewer = await fixture.Factory.CreateClientAsAsync(Roles.Viewer);

    public Task DisposeAsync()
    {
        _viewer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MultipartPhoto_FromAViewer_ReturnsTheFaceWhereItIs()
    {
        using var form = new MultipartFormDataContent { { Photo("astronaut.png", "image/png"), "image", "astronaut.png" } };

        using var response = await _viewer.PostAsync("/api/v1/detections", form);

        var body = await Ok(response);
        Assert.Equal(512, body.GetProperty("imageWidth").GetInt32());
        Assert.Equal(512, body.GetProperty("imageHeight").GetInt32());
        var face = Assert.Single(body.GetProperty("faces").EnumerateArray());
        var box = face.GetProperty("bbox");
        // Checked by eye on the photo: her face spans about x 183..265, y 70..170.
        Assert.InRange(box.GetProperty("x").GetInt32() + box.GetProperty("width").GetInt32() / 2, 205, 245);
        Assert.InRange(box.GetProperty("y").GetInt32() + box.GetProperty("height").GetInt32() / 2, 100, 140);
        Assert.InRange(box.GetProperty("height").GetInt32(), 80, 140);
        Assert.InRange(face.GetProperty("score").GetDouble(), 0.65, 1);
        Assert.InRange(face.GetProperty("quality").GetDouble(), 0.3, 1);
        var points = face.GetProperty("landmarks").EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        Assert.Equal(5, points.Count);
        Assert.True(points[0].X < points[1].X && points[3].X < points[4].X && points[2].Y > points[0].Y, "left eye, right eye, nose, mouth corners in order");
        Assert.False(face.TryGetProperty("descriptor", out _));
    }

    [Fact]
    public async Task RawJpeg_WithDescriptors_ListsFourFacesLargestFirst_EachWith512FloatsOfNormOne()
    {
        using var content = Photo("facereg.jpg", "image/jpeg");

        using var response = await _viewer.PostAsync("/api/v1/detections?descriptor=true", content);

        var body = await Ok(response);
        var faces = body.GetProperty("faces").EnumerateArray().ToList();
        Assert.Equal(4, faces.Count);
        Assert.Equal(4, body.GetProperty("facesFound").GetInt32());
        Assert.Equal(40, body.GetProperty("minFaceSize").GetInt32());
        var areas = faces.Select(f => f.GetProperty("bbox").GetProperty("width").GetInt32() * f.GetProperty("bbox").GetProperty("height").GetInt32()).ToList();
        Assert.Equal(areas.OrderByDescending(a => a), areas);
        foreach (var face in faces)
        {
            var descriptor = face.GetProperty("descriptor").EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(512, descriptor.Count);
            Assert.Equal(1.0, Math.Sqrt(descriptor.Sum(v => v * v)), 3);
        }
    }

    [Fact]
    public async Task PhotoWithoutFaces_Returns200WithNoFaces()
    {
        // The pitch and legs of messi5.jpg: a real photo, no face.
        using var image = OpenCvSharp.Cv2.ImRead(RepoPaths.Media("messi5.jpg"));
        using var lower = new OpenCvSharp.Mat(image, new OpenCvSharp.Rect(0, image.Rows / 2, image.Cols, image.Rows / 2));
        OpenCvSharp.Cv2.ImEncode(".png", lower, out var png);

        using var response = await _viewer.PostAsync("/api/v1/detections", Bytes(png, "image/png"));

        var body = await Ok(response);
        Assert.Empty(body.GetProperty("faces").EnumerateArray());
        Assert.Equal(image.Cols, body.GetProperty("imageWidth").GetInt32());
    }

    [Fact]
    public async Task PhotoOverTheDetectorBudget_IsAnswered_LookingForLargerFaces()
    {
        // 4000x4000 at 40 px would take over 64 detector windows.
        using var blank = new OpenCvSharp.Mat(4000, 4000, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(128));
        OpenCvSharp.Cv2.ImEncode(".png", blank, out var png);

        using var response = await _viewer.PostAsync("/api/v1/detections", Bytes(png, "image/png"));

        var body = await Ok(response);
        Assert.Empty(body.GetProperty("faces").EnumerateArray());
        Assert.Equal(0, body.GetProperty("facesFound").GetInt32());
        var minFace = body.GetProperty("minFaceSize").GetInt32();
        Assert.True(minFace > 40, $"{minFace}");
        Assert.InRange(LunaPoint.Modules.Detection.Inference.DetectionPlan.For(4000, 4000, minFace).Count, 1, 64);
    }

    [Fact]
    public async Task HostBusyWithPhotos_Answers503WithRetryAfter_AtOnce()
    {
        // Every turn and every queue place taken (as by parallel uploads), then one more photo.
        var options = fixture.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PhotoOptions>>().Value;
        var gate = fixture.Factory.Services.GetRequiredService<PhotoGate>();
        var held = new List<IDisposable>();
        for (var i = 0; i < options.MaxConcurrent; i++)
        {
            held.Add(await gate.EnterAsync(CancellationToken.None));
        }

        var waiting = Enumerable.Range(0, options.MaxQueued).Select(_ => gate.EnterAsync(CancellationToken.None).AsTask()).ToList();
        try
        {
            using var response = await _viewer.PostAsync("/api/v1/detections", Photo("astronaut.png", "image/png"));

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
        finally
        {
            held.ForEach(t => t.Dispose());
            foreach (var waiter in waiting)
            {
                (await waiter).Dispose();
            }
        }

        using var after = await _viewer.PostAsync("/api/v1/detections", Photo("astronaut.png", "image/png"));
        await Ok(after);
    }

    [Fact]
    public async Task Anonymous_Gets401()
    {
        using var anonymous = fixture.Factory.CreateAnonymousClient();

        using var response = await anonymous.PostAsync("/api/v1/detections", Photo("astronaut.png", "image/png"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static ByteArrayContent Photo(string fileName, string mediaType) => Bytes(File.ReadAllBytes(RepoPaths.Media(fileName)), mediaType);

    internal static ByteArrayContent Bytes(byte[] bytes, string? mediaType)
    {
        var content = new ByteArrayContent(bytes);
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        return content;
    }

    private async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text} {fixture.Factory.Logs.Lines.LastOrDefault(l => l.Exception is not null)?.Exception}");
        return JsonDocument.Parse(text).RootElement;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PhotoApiTestsOnPostgres(PostgresHostFixture fixture) : PhotoApiTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class PhotoApiTestsOnSqlite(SqliteHostFixture fixture) : PhotoApiTests(fixture);
