using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.Modules.Events.Retention;
using LunaPoint.SharedKernel.Data;
using LunaPoint.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Tests.Modules.Events.Ingestion;

/// <summary>
/// Retention on the real host and a fake clock: events past their retention (matched and unmatched apart)
/// go with their candidates, images and index entries, in small batches; newer ones and matched ones
/// within their longer retention stay.
/// </summary>
public abstract class RetentionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private FakeTimeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await FakeTimeHost.StartAsync(provider, new Dictionary<string, string?>
        {
            ["LunaPoint:Events:Retention:MatchedDays"] = "60",
            ["LunaPoint:Events:Retention:UnmatchedDays"] = "10",
            ["LunaPoint:Events:Retention:IntervalMinutes"] = "60",
            ["LunaPoint:Events:Retention:BatchSize"] = "2",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sweep_DeletesEventsPastTheirRetention_WithMatchesImagesAndIndexEntries_KeepsTheRest()
    {
        await _host.Services.GetRequiredService<EventIndex>().Readiness.WhenReady.WaitAsync(TimeSpan.FromSeconds(60));
        var now = _host.Time.GetUtcNow();
        var unmatchedOld = new[] { await AddAsync(now.AddDays(-20), false), await AddAsync(now.AddDays(-15), false), await AddAsync(now.AddDays(-11), false) };
        var unmatchedNew = await AddAsync(now.AddDays(-5), false);
        var matchedWithin = await AddAsync(now.AddDays(-20).AddMinutes(1), true);
        var matchedOld = await AddAsync(now.AddDays(-90), true);
        var sweep = _host.Services.GetRequiredService<RetentionSweep>();

        var due = _host.Time.GetUtcNow().AddMinutes(60);
        await _host.AdvanceUntilAsync(TimeSpan.FromMinutes(61), () => sweep.LastSweptAt >= due, "the sweep never ran after an interval");

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var left = await db.Events.AsNoTracking().Select(e => e.Id).ToListAsync();
        Assert.Equal(new[] { unmatchedNew.Id, matchedWithin.Id }.Order(), left.Order());
        Assert.Equal([matchedWithin.Id], await db.EventMatches.Select(m => m.EventId).ToListAsync());
        var store = _host.Services.GetRequiredService<ImageStore>();
        foreach (var gone in unmatchedOld.Append(matchedOld))
        {
            Assert.False(File.Exists(store.Resolve(gone.FaceImagePath)), $"{gone.FaceImagePath} is deleted");
            Assert.False(File.Exists(store.Resolve(gone.ContextImagePath)));
        }

        Assert.True(File.Exists(store.Resolve(unmatchedNew.FaceImagePath)));
        Assert.True(File.Exists(store.Resolve(matchedWithin.ContextImagePath)));
        var index = _host.Services.GetRequiredService<EventIndex>().Index;
        Assert.DoesNotContain(EventIndex.PartitionOf(matchedOld.StartedAt), index.Partitions);
        Assert.Contains(EventIndex.PartitionOf(matchedWithin.StartedAt), index.Partitions);
        var hits = index.Search(Descriptor(unmatchedOld[0].Id), new IndexQuery<DateOnly>(10));
        Assert.DoesNotContain(hits, h => unmatchedOld.Any(e => e.Id == h.Id));
        Assert.Equal(2, index.Count);
    }

    private async Task<DetectionEvent> AddAsync(DateTimeOffset startedAt, bool matched)
    {
        var id = Guid.NewGuid();
        var row = new DetectionEvent
        {
            Id = id, StreamId = Guid.NewGuid(), TrackId = Guid.NewGuid(), StartedAt = startedAt, CapturedAt = startedAt,
            Descriptor = DescriptorCodec.ToBytes(Descriptor(id)), DescriptorModel = DescriptorCodec.Model,
            FaceImagePath = ImageStore.NewPath("events", startedAt, id, "-face1"), ContextImagePath = ImageStore.NewPath("events", startedAt, id, "-context1"),
            BestShots = 1, UpdatedAt = startedAt, TopFaceId = matched ? Guid.NewGuid() : null, TopName = matched ? "Alice" : null,
        };
        var store = _host.Services.GetRequiredService<ImageStore>();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xD9];
        await store.SaveAsync(row.FaceImagePath, jpeg, CancellationToken.None);
        await store.SaveAsync(row.ContextImagePath, jpeg, CancellationToken.None);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        db.Events.Add(row);
        if (matched)
        {
            db.EventMatches.Add(new EventMatch { EventId = id, FaceId = row.TopFaceId!.Value, ListId = Guid.NewGuid(), Name = "Alice", Similarity = 0.9, StartedAt = startedAt });
        }

        await db.SaveChangesAsync();
        _host.Services.GetRequiredService<EventIndex>().Index.Add(EventIndex.PartitionOf(startedAt), id, row.StreamId, Descriptor(id));
        return row;
    }

    /// <summary>A unit descriptor of its own per event (seeded by the id), so each event is its own nearest hit.</summary>
    private static float[] Descriptor(Guid seed)
    {
        var random = new Random(seed.GetHashCode());
        var values = Enumerable.Range(0, DescriptorCodec.Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        DescriptorCodec.TryNormalise(values, out _);
        return values;
    }
}

public sealed class RetentionTestsOnPostgres() : RetentionTests(DatabaseProvider.Postgres);

public sealed class RetentionTestsOnSqlite() : RetentionTests(DatabaseProvider.Sqlite);
