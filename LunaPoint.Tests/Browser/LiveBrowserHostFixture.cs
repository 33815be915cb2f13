using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using LunaPoint.Tests.Modules.Detection.Workers;

namespace LunaPoint.Tests.Browser;

/// <summary>
/// The browser host with Detection's workers on (the default test host has them off), a media root of its
/// own, and one endless videofile stream of a face crossing a 640x360 frame, in progress before any test
/// runs: what the live view and the list's previews show.
/// </summary>
public abstract class LiveBrowserHostFixture(DatabaseProvider provider) : BrowserHostFixture(provider)
{
    public string MediaRoot { get; } = Directory.CreateTempSubdirectory("lunapoint-browser-media-").FullName;

    /// <summary>The stream being analysed.</summary>
    public Guid AnalysedStreamId { get; private set; }

    public const string AnalysedStreamName = "Browser live cam";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Modules:Detection:Workers:Enabled"] = "true",
        ["Modules:Detection:Workers:ReconcileSeconds"] = "2",
        ["LunaPoint:Media:Roots:0"] = MediaRoot,
    };

    protected override async Task OnReadyAsync()
    {
        var made = await TestVideos.FaceMovingAcrossAsync(width: 640, height: 360, seconds: 4, faceSize: 160);
        var video = Path.Combine(MediaRoot, Path.GetFileName(made));
        File.Copy(made, video, overwrite: true);
        using var admin = await CreateAdministratorClientAsync();
        AnalysedStreamId = await StreamApi.CreateAsync(admin, new
        {
            name = AnalysedStreamName, type = "videofile", source = video, endless = true,
            settings = new { maxAnalysisFps = 5, detectorStep = 2, minFaceSize = 30 },
        });
        await StreamApi.WaitForStatusAsync(admin, AnalysedStreamId, "in_progress", TimeSpan.FromSeconds(90));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(MediaRoot, recursive: true);
    }
}

public sealed class PostgresLiveBrowserFixture() : LiveBrowserHostFixture(DatabaseProvider.Postgres);

public sealed class SqliteLiveBrowserFixture() : LiveBrowserHostFixture(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class PostgresLiveBrowserCollection : ICollectionFixture<PostgresLiveBrowserFixture>
{
    public const string Name = "PostgreSQL host with stream workers in a browser";
}

[CollectionDefinition(Name)]
public sealed class SqliteLiveBrowserCollection : ICollectionFixture<SqliteLiveBrowserFixture>
{
    public const string Name = "SQLite host with stream workers in a browser";
}
