using System.Net;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Ingestion;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Infrastructure;
using LunaPoint.Tests.Infrastructure.Video;
using LunaPoint.Tests.Modules.Detection.Workers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Events.Ingestion;

/// <summary>
/// A deleted camera's late best shots (and shots naming no stream at all) are stored as events but matched
/// against no list and announced to no one: no WatchlistMatched, no UnknownFaceSeen, no event_matches.
/// </summary>
public sealed class StreamGoneTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private IngestionHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _host = await IngestionHost.StartAsync(_database, new Dictionary<string, string?>());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ShotsOfADeletedOrUnknownStream_AreStoredUnmatched_WithoutFacts()
    {
        var staff = await _host.CreateListAsync("Staff", Similarity.DefaultThreshold);
        var alice = await _host.EnrolAsync("Alice", "face_swapped.jpg", staff);
        var aliceShot = await _host.DetectAsync("face_swapped.jpg");
        using var client = await _host.AdminClientAsync();
        var stream = await StreamApi.CreateAsync(client, new { name = "gate", type = "rtsp", source = "rtsp://127.0.0.1:8554/gate", enabled = false });
        var metrics = _host.Services.GetRequiredService<IngestionMetrics>();

        // While the stream exists the same face is an alert (so the shots below would match if anything did).
        var live = Shot(stream, aliceShot);
        await PublishAsync(live);
        // Facts go out after the commit that counts the shot written: wait for both.
        await Wait.UntilAsync(() => metrics.Written == 1 && !_host.Facts.Matched.IsEmpty, TimeSpan.FromSeconds(30), () => "the live shot is written and announced");
        Assert.Equal(alice, Assert.Single(_host.Facts.Matched).TopMatch.FaceId);

        using (var deleted = await client.DeleteAsync($"/api/v1/streams/{stream}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var late = Shot(stream, aliceShot);
        var nowhere = Shot(Guid.NewGuid(), aliceShot);
        await PublishAsync(late);
        await PublishAsync(nowhere);
        await Wait.UntilAsync(() => metrics.Written == 3, TimeSpan.FromSeconds(30), () => "the late shots are written");

        var rows = await _host.DbAsync(db => db.Events.AsNoTracking().ToListAsync());
        Assert.Equal(alice, rows.Single(e => e.TrackId == live.TrackId).TopFaceId);
        foreach (var orphan in new[] { late, nowhere })
        {
            var row = rows.Single(e => e.TrackId == orphan.TrackId);
            Assert.Null(row.TopFaceId);
            Assert.Null(row.TopListId);
            Assert.Equal(0, await _host.DbAsync(db => db.EventMatches.CountAsync(m => m.EventId == row.Id)));
        }

        Assert.Single(_host.Facts.Matched);
        Assert.Empty(_host.Facts.Unknown);
    }

    private async Task PublishAsync(FaceBestShotCaptured shot)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(shot);
    }

    private static FaceBestShotCaptured Shot(Guid stream, DetectedFace face)
    {
        var jpeg = File.ReadAllBytes(RepoPaths.Media("face_swapped.jpg"));
        var now = DateTimeOffset.UtcNow;
        return new FaceBestShotCaptured(stream, Guid.NewGuid(), BestShotKind.First, now, now, null, 640, 480, face.Box, face.Landmarks,
            face.Descriptor!, face.DescriptorModel!, face.Quality, jpeg, jpeg);
    }
}
