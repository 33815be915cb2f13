using LunaPoint.SharedKernel.Files;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Features;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Streams.Workers;

/// <summary>
/// <c>scripts/run.sh --demo</c>: when <c>LunaPoint:Demo:Source</c> names a video, it is copied into the
/// first media root and a looping videofile stream named "Demo" is created for it once, so a newcomer
/// sees faces tracked without a camera. Does nothing when the setting is empty or the stream exists.
/// </summary>
internal sealed partial class DemoStreamSeeder(BackgroundWork work, IConfiguration configuration, MediaRoots media, ILogger<DemoStreamSeeder> logger)
    : ResilientBackgroundService(work)
{
    public const string StreamName = "Demo";

    protected override string Name => "Demo stream seeder";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var source = configuration["LunaPoint:Demo:Source"];
        if (string.IsNullOrWhiteSpace(source))
        {
            return;
        }

        var db = services.GetRequiredService<StreamsDbContext>();
        if (await db.Streams.AnyAsync(s => s.Name == StreamName, cancellationToken))
        {
            LogExists();
            return;
        }

        var target = Path.Combine(media.Roots[0], "demo", Path.GetFileName(source));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        var request = new StreamRequest(StreamName, "videofile", MediaRoots.Canonical(target),
            "Looping demo video made from Debian's opencv-doc test photos (scripts/run.sh --demo).",
            Endless: true, Settings: new StreamSettings(MaxAnalysisFps: 5, DetectorStep: 2, MinFaceSize: 30, BestShot: new BestShotSettings(MinSize: 40, ProperSize: 100)));
        var created = await services.GetRequiredService<StreamCreator>().CreateAsync([request], null, cancellationToken);
        LogCreated(created[0].Id, target);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo stream {StreamId} created for {Path}: open /streams to watch it")]
    private partial void LogCreated(Guid streamId, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "The demo stream exists already: open /streams to watch it")]
    private partial void LogExists();
}
