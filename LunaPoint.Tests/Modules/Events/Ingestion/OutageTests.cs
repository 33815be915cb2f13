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
using Npgsql;

namespace LunaPoint.Tests.Modules.Events.Ingestion;

/// <summary>
/// A real database outage: the test's PostgreSQL database stops taking connections (ALLOW_CONNECTIONS
/// false, its sessions terminated) while best shots keep coming. Ingestion buffers them, drops only the
/// oldest unmatched past LunaPoint:Events:Ingestion:MaxBufferedShots (counted and logged), and writes the
/// rest once the database is back; the host stays up.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private IngestionHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _host = await IngestionHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["LunaPoint:Events:Ingestion:MaxBufferedShots"] = "4",
            ["LunaPoint:Events:Ingestion:RetryFirstDelayMs"] = "100",
            ["LunaPoint:Events:Ingestion:RetryMaxDelayMs"] = "500",
        });
    }

    public async Task DisposeAsync()
    {
        await SetConnectionsAsync(allowed: true);
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseDown_BuffersShots_DropsOldestUnmatchedPastTheBound_NeverMatched_WritesTheRestWhenBack()
    {
        var staff = await _host.CreateListAsync("Staff", Similarity.DefaultThreshold);
        var alice = await _host.EnrolAsync("Alice", "face_swapped.jpg", staff);
        var aliceShot = await _host.DetectAsync("face_swapped.jpg");
        var stranger = await _host.DetectAsync("astronaut.png");
        using var client = await _host.AdminClientAsync();
        var stream = await StreamApi.CreateAsync(client, new { name = "gate", type = "rtsp", source = "rtsp://127.0.0.1:8554/gate", enabled = false });
        // Learn the stream's context while the database is up (as a running stream would have).
        await PublishAsync(Shot(stream, aliceShot, "face_swapped.jpg"));
        var metrics = _host.Services.GetRequiredService<IngestionMetrics>();
        await Wait.UntilAsync(() => metrics.Written == 1, TimeSpan.FromSeconds(30), () => "the first shot is written");

        await SetConnectionsAsync(allowed: false);
        var order = new[] { false, true, false, false, true, false, false };
        var shots = order.Select(m => Shot(stream, m ? aliceShot : stranger, m ? "face_swapped.jpg" : "astronaut.png")).ToList();
        foreach (var shot in shots)
        {
            await PublishAsync(shot);
        }

        await Wait.UntilAsync(() => metrics.Dropped == 3, TimeSpan.FromSeconds(60), () => $"dropped {metrics.Dropped}");
        using (var live = await _host.Factory.CreateClient().GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        Assert.Equal(1, metrics.Written);
        await SetConnectionsAsync(allowed: true);
        await Wait.UntilAsync(() => metrics.Written == 5, TimeSpan.FromSeconds(60), () => $"written {metrics.Written}");

        var tracks = await _host.DbAsync(db => db.Events.AsNoTracking().Select(e => new { e.TrackId, e.TopFaceId }).ToListAsync());
        var kept = shots.Where((_, i) => order[i] || i >= 5).Select(s => s.TrackId).ToHashSet();
        Assert.Equal(kept.Count + 1, tracks.Count);
        Assert.All(shots.Where((_, i) => order[i]), s => Assert.Equal(alice, tracks.Single(t => t.TrackId == s.TrackId).TopFaceId));
        Assert.All(shots.Where((_, i) => !order[i] && i < 5), s => Assert.DoesNotContain(tracks, t => t.TrackId == s.TrackId));
        Assert.Equal(3, metrics.Dropped);
        Assert.Equal(3, _host.Parent.Logs.Lines.Count(l => l.Message.Contains("Dropped an unmatched best shot", StringComparison.Ordinal)));
        Assert.Equal(3, _host.Facts.Matched.Count);
    }

    private async Task PublishAsync(FaceBestShotCaptured shot)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(shot);
    }

    private static FaceBestShotCaptured Shot(Guid stream, DetectedFace face, string photo)
    {
        var jpeg = File.ReadAllBytes(RepoPaths.Media(photo));
        var now = DateTimeOffset.UtcNow;
        return new FaceBestShotCaptured(stream, Guid.NewGuid(), BestShotKind.First, now, now, null, 640, 480, face.Box, face.Landmarks,
            face.Descriptor!, face.DescriptorModel!, face.Quality, jpeg, jpeg);
    }

    /// <summary>Takes the test's database away from every client (as a server going down would) or gives it back.</summary>
    private async Task SetConnectionsAsync(bool allowed)
    {
        var name = new NpgsqlConnectionStringBuilder(_database.PostgresConnectionString).Database!;
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("LUNAPOINT_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
            kill.Parameters.AddWithValue("name", name);
            await kill.ExecuteNonQueryAsync();
        }
    }
}
