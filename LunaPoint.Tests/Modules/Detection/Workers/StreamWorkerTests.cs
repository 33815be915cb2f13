using System.Net;
using System.Text.Json;
using LunaPoint.Modules.Detection.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>
/// The stream workers end to end on the real host: real ffmpeg, real models, generated videos of real
/// face photos, status through the Stream service, tracks in the detection schema.
/// </summary>
public abstract class StreamWorkerTests(WorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private HttpClient _admin = null!;

    private LunaPointFactory Factory => fixture.Factory;

    public async Task InitializeAsync()
    {
        _admin = await Factory.CreateAdminClientAsync();
        await StreamApi.DeleteAllAsync(_admin);
    }

    public async Task DisposeAsync()
    {
        // What the workers said, for a failing test's report.
        foreach (var line in Factory.Logs.Lines.Where(l => l.Category.Contains("Detection", StringComparison.Ordinal)).TakeLast(60))
        {
            output.WriteLine($"{line.Level} {line.Category}: {line.Message}");
        }

        await StreamApi.DeleteAllAsync(_admin);
        _admin.Dispose();
    }

    [Fact]
    public async Task BatchFile_OneFaceMovingAcross_GivesOneTrackWithFirstAndFinalBestShot_ThenDone()
    {
        var video = Stage(await TestVideos.FaceMovingAcrossAsync(width: 640, height: 360, seconds: 4, faceSize: 160));

        var id = await StreamApi.CreateAsync(_admin, VideoFile("one face", video, batch: true));
        await StreamApi.WaitForStatusAsync(_admin, id, "done");

        var tracks = await TracksAsync(id);
        var track = Assert.Single(tracks);
        Assert.NotNull(track.EndedAt);
        Assert.NotNull(track.FirstBestShotAt);
        Assert.True(track.BestShots >= 2, $"a first and a final best shot, got {track.BestShots}");
        Assert.True(track.Detections >= 3, $"the detector saw the face in {track.Detections} frames");
        var stats = (await StreamApi.StatsAsync(_admin, id));
        Assert.Equal(0, stats.GetProperty("framesDropped").GetInt64());
        Assert.Equal(track.BestShots, stats.GetProperty("bestShotsSent").GetInt64());
        await FfmpegProcesses.AssertNoneLeftAsync(video);
    }

    [Fact]
    public async Task BatchFile_TwoFaces_GiveTwoTracks()
    {
        var video = Stage(await TestVideos.TwoFacesAsync(width: 640, height: 480, seconds: 4, faceSize: 200, photoB: "faceDetection.png"));

        var id = await StreamApi.CreateAsync(_admin, VideoFile("two faces", video, batch: true));
        await StreamApi.WaitForStatusAsync(_admin, id, "done");

        var tracks = await TracksAsync(id);
        Assert.Equal(2, tracks.Count);
        Assert.All(tracks, t => Assert.True(t.BestShots >= 1 && t.EndedAt is not null, $"track {t.Id}: {t.BestShots} best shots"));
    }

    [Fact]
    public async Task NotAVideo_ReportsFailedWithReason_AndLeavesNoFfmpeg()
    {
        var path = TestVideos.NotAVideo(fixture.MediaRoot);

        var id = await StreamApi.CreateAsync(_admin, VideoFile("not a video", path, batch: false));
        var stream = await StreamApi.WaitForStatusAsync(_admin, id, "failed");

        Assert.False(string.IsNullOrWhiteSpace(stream.GetProperty("lastError").GetString()));
        Assert.DoesNotContain("Exception", stream.GetProperty("lastError").GetString());
        await _admin.PostAsync($"/api/v1/streams/{id}/stop", null);
        await FfmpegProcesses.AssertNoneLeftAsync(path);
    }

    [Fact]
    public async Task HttpSource_KilledAndRestarted_FailsThenResumesWithoutHostRestart_AndStopLeavesNoFfmpeg()
    {
        var clip = await TestVideos.FaceMovingAcrossAsync(seconds: 6);
        await using var server = await FfmpegHttpSource.StartNewAsync(clip);
        var id = await StreamApi.CreateAsync(_admin, Network("http camera", "http", server.Url));
        await StreamApi.WaitForStatusAsync(_admin, id, "in_progress");

        await server.KillAsync();
        var failed = await StreamApi.WaitForStatusAsync(_admin, id, "failed");
        Assert.Contains("reconnecting", failed.GetProperty("lastError").GetString());
        await server.StartAsync();
        await StreamApi.WaitForStatusAsync(_admin, id, "in_progress");
        var analysed = (await StreamApi.StatsAsync(_admin, id)).GetProperty("framesAnalysed").GetInt64();
        await Wait.UntilAsync(async () => (await StreamApi.StatsAsync(_admin, id)).GetProperty("framesAnalysed").GetInt64() > analysed + 5,
            TimeSpan.FromSeconds(30), () => "frames are analysed again after the reconnect");

        using var stop = await _admin.PostAsync($"/api/v1/streams/{id}/stop", null);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        await FfmpegProcesses.AssertNoneLeftAsync(server.Url);
    }

    [Fact]
    public async Task RtspCamera_KilledAndRestarted_FailsThenResumes()
    {
        var clip = await TestVideos.FaceMovingAcrossAsync(seconds: 6);
        await using var camera = await RtspTestServer.StartNewAsync(clip);
        // rtsp-server-perl serves RTP over UDP only; auto tries TCP first.
        var id = await StreamApi.CreateAsync(_admin, Network("rtsp camera", "rtsp", camera.Url, rtspTransport: "auto"));
        await StreamApi.WaitForStatusAsync(_admin, id, "in_progress");

        await camera.KillAsync();
        await StreamApi.WaitForStatusAsync(_admin, id, "failed");
        await camera.StartAsync();
        await StreamApi.WaitForStatusAsync(_admin, id, "in_progress");

        await StreamApi.DeleteAllAsync(_admin);
        await FfmpegProcesses.AssertNoneLeftAsync(camera.Url);
    }

    [Fact]
    public async Task LiveView_PreviewStatsAndMjpeg_ServeTheAnalysedFrames()
    {
        var video = Stage(await TestVideos.FaceMovingAcrossAsync(width: 640, height: 360, seconds: 4, faceSize: 160));
        var id = await StreamApi.CreateAsync(_admin, VideoFile("live view", video, batch: false, endless: true));
        await StreamApi.WaitForStatusAsync(_admin, id, "in_progress");
        await Wait.UntilAsync(async () => (await _admin.GetAsync($"/api/v1/streams/{id}/preview.jpg")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), () => "a preview is drawn");

        using var preview = await _admin.GetAsync($"/api/v1/streams/{id}/preview.jpg");
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType?.MediaType);
        var jpeg = await preview.Content.ReadAsByteArrayAsync();
        Assert.True(jpeg is [0xFF, 0xD8, ..], "a JPEG");
        using var decoded = OpenCvSharp.Cv2.ImDecode(jpeg, OpenCvSharp.ImreadModes.Color);
        Assert.Equal(640, decoded.Width);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/streams/{id}/live.mjpeg");
        using var live = await _admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("multipart/x-mixed-replace", live.Content.Headers.ContentType?.MediaType);
        await using var body = await live.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (read < 200)
        {
            read += await body.ReadAsync(buffer.AsMemory(read), timeout.Token);
        }

        Assert.StartsWith("--lunapointframe\r\nContent-Type: image/jpeg", System.Text.Encoding.ASCII.GetString(buffer, 0, read));

        var stats = (await StreamApi.StatsAsync(_admin, id));
        Assert.True(stats.GetProperty("running").GetBoolean());
        Assert.True(stats.GetProperty("framesAnalysed").GetInt64() > 0);
        Assert.Equal(640, stats.GetProperty("frameWidth").GetInt32());
        Assert.True(stats.GetProperty("latencyMs").GetProperty("detect").GetProperty("samples").GetInt64() > 0);
    }

    [Fact]
    public async Task VideoFile_SwappedForASymlinkOutOfTheRoots_AfterSaving_IsRefusedWhenOpened()
    {
        // Saved while it was a video under the root; then replaced by a link to a video outside every root.
        var outside = await TestVideos.FaceMovingAcrossAsync(seconds: 4);
        var path = Stage(outside, "swapped.mp4");
        var id = await StreamApi.CreateAsync(_admin, new { name = "swapped", type = "videofile", source = path, enabled = false });
        File.Delete(path);
        File.CreateSymbolicLink(path, outside);

        using var start = await _admin.PostAsync($"/api/v1/streams/{id}/start", null);
        var stream = await StreamApi.WaitForStatusAsync(_admin, id, "failed");

        Assert.Contains("media root", stream.GetProperty("lastError").GetString());
        Assert.Equal(0, (await StreamApi.StatsAsync(_admin, id)).GetProperty("framesRead").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/api/v1/streams/{id}/preview.jpg")).StatusCode);
    }

    [Fact]
    public async Task VideoFile_ThatIsAPlaylistOfAVideoOutsideTheRoots_ReadsNothing()
    {
        var outside = await TestVideos.FaceMovingAcrossAsync(seconds: 4);
        var playlist = Path.Combine(fixture.MediaRoot, "playlist.mp4");
        File.WriteAllText(playlist, $"#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\n{outside}\n#EXT-X-ENDLIST\n");

        var id = await StreamApi.CreateAsync(_admin, VideoFile("playlist", playlist, batch: true));
        await StreamApi.WaitForStatusAsync(_admin, id, "failed");

        Assert.Equal(0, (await StreamApi.StatsAsync(_admin, id)).GetProperty("framesRead").GetInt64());
    }

    [Fact]
    public async Task DeletedStream_ItsFiguresAndLastFrame_AreNoLongerServed()
    {
        var video = Stage(await TestVideos.FaceMovingAcrossAsync(width: 640, height: 360, seconds: 4, faceSize: 160));
        var id = await StreamApi.CreateAsync(_admin, VideoFile("deleted", video, batch: false, endless: true));
        await Wait.UntilAsync(async () => (await _admin.GetAsync($"/api/v1/streams/{id}/preview.jpg")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), () => "a preview is drawn");

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/v1/streams/{id}")).StatusCode);

        foreach (var path in new[] { "stats", "preview.jpg", "live.mjpeg" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/api/v1/streams/{id}/{path}")).StatusCode);
        }

        var all = JsonDocument.Parse(await _admin.GetStringAsync("/api/v1/streams/stats")).RootElement;
        Assert.DoesNotContain(all.EnumerateArray(), s => s.GetProperty("streamId").GetGuid() == id);
        await FfmpegProcesses.AssertNoneLeftAsync(video);
    }

    [Fact]
    public async Task StatsAndPreview_OfAStreamNotAnalysed_Are404Problems()
    {
        foreach (var path in new[] { "stats", "preview.jpg", "live.mjpeg" })
        {
            using var response = await _admin.GetAsync($"/api/v1/streams/{Guid.NewGuid()}/{path}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private string Stage(string video, string? name = null)
    {
        var target = Path.Combine(fixture.MediaRoot, name ?? Path.GetFileName(video));
        File.Copy(video, target, overwrite: true);
        return target;
    }

    private async Task<List<LunaPoint.Modules.Detection.Domain.Track>> TracksAsync(Guid streamId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DetectionDbContext>().Tracks.AsNoTracking().Where(t => t.StreamId == streamId).ToListAsync();
    }

    private static object VideoFile(string name, string path, bool batch, bool endless = false) => new
    {
        name, type = "videofile", source = path, endless,
        settings = new { batch, maxAnalysisFps = 10, detectorStep = 2, minFaceSize = 30, bestShot = new { minSize = 40, properSize = 100, timeoutMs = 1000 } },
    };

    // A generous read timeout: on a loaded 2-core machine ffmpeg may take seconds to open, and the test
    // servers (like ffmpeg -listen 1) serve one client, so a connection given up early ends the server.
    private static object Network(string name, string type, string url, string rtspTransport = "tcp") => new
    {
        name, type, source = url,
        settings = new { maxAnalysisFps = 5, detectorStep = 2, rtspTransport, healthcheck = new { reconnectDelayMs = 200, maxBackoffMs = 1000, readTimeoutMs = 8000 } },
    };
}

[Collection(PostgresWorkerCollection.Name)]
public sealed class StreamWorkerTestsOnPostgres(PostgresWorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : StreamWorkerTests(fixture, output);

[Collection(SqliteWorkerCollection.Name)]
public sealed class StreamWorkerTestsOnSqlite(SqliteWorkerHostFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : StreamWorkerTests(fixture, output);
