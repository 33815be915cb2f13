using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;

namespace LunaPoint.Tests.Modules.Detection.Workers;

/// <summary>Stopping the host stops every stream worker and the ffmpeg it runs; starting it again resumes the enabled streams.</summary>
public sealed class HostShutdownTests
{
    [Fact]
    public async Task HostStop_LeavesNoFfmpeg_AndTheNextStartResumesTheStream()
    {
        var media = Directory.CreateTempSubdirectory("lunapoint-shutdown-media-").FullName;
        var video = Path.Combine(media, "loop.mp4");
        File.Copy(await TestVideos.FaceMovingAcrossAsync(seconds: 4), video);
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["Modules:Detection:Workers:Enabled"] = "true",
            ["LunaPoint:Media:Roots:0"] = media,
        };
        try
        {
            Guid id;
            // Keep the database: the factory would delete it on dispose, and the second start needs it.
            database.KeepOnDispose = true;
            await using (var first = new LunaPointFactory(database, settings))
            {
                _ = first.Server;
                await first.WaitUntilReadyAsync();
                using var admin = await first.CreateAdminClientAsync();
                id = await StreamApi.CreateAsync(admin, new { name = "loop", type = "videofile", source = video, endless = true, settings = new { maxAnalysisFps = 5 } });
                await StreamApi.WaitForStatusAsync(admin, id, "in_progress");
                Assert.NotEmpty(FfmpegProcesses.Readers(video));
            }

            await FfmpegProcesses.AssertNoneLeftAsync(video);

            database.KeepOnDispose = false;
            await using var second = new LunaPointFactory(database, settings);
            _ = second.Server;
            await second.WaitUntilReadyAsync();
            using var again = await second.CreateAdminClientAsync();
            await StreamApi.WaitForAsync(again, id, _ => FfmpegProcesses.Readers(video).Count > 0, "read again after the restart");
        }
        finally
        {
            Directory.Delete(media, recursive: true);
        }
    }
}
