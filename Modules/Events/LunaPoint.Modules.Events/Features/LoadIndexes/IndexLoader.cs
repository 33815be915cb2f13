using System.Diagnostics;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Ingestion;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.SharedKernel.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// Rebuilds both match indexes from the database at start, streaming rows in batches (never the whole
/// table in memory), then marks them ready: searches answer 503 and ingestion waits until then. Adding
/// an entry replaces one of the same id, so a load retried after a failure part-way is still exact.
/// </summary>
internal sealed partial class IndexLoader(
    BackgroundWork work, WatchlistIndex watchlists, EventIndex events, ListCatalog catalog, ILogger<IndexLoader> logger)
    : ResilientBackgroundService(work)
{
    private const int BatchRows = 10_000;

    protected override string Name => "match index loader";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<EventsDbContext>();
        var clock = Stopwatch.StartNew();
        await catalog.GetAsync(db, cancellationToken);
        var faces = await LoadFacesAsync(db, cancellationToken);
        var faceSeconds = clock.Elapsed.TotalSeconds;
        var stored = await LoadEventsAsync(db, cancellationToken);
        watchlists.Readiness.MarkReady();
        events.Readiness.MarkReady();
        LogLoaded(faces, watchlists.Index.Partitions.Count, faceSeconds, stored, events.Index.Partitions.Count, clock.Elapsed.TotalSeconds - faceSeconds);
    }

    private async Task<long> LoadFacesAsync(EventsDbContext db, CancellationToken cancellationToken)
    {
        var rows = from member in db.ListMembers.AsNoTracking()
                   join photo in db.FacePhotos.AsNoTracking() on member.FaceId equals photo.FaceId
                   where photo.DescriptorModel == DescriptorCodec.Model
                   select new { member.ListId, photo.Id, photo.FaceId, photo.Descriptor };
        var batch = new List<(Guid Partition, Guid Id, Guid Owner, float[] Descriptor)>(BatchRows);
        long count = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add((row.ListId, row.Id, row.FaceId, DescriptorCodec.ToFloats(row.Descriptor)));
            count++;
            if (batch.Count == BatchRows)
            {
                Flush(watchlists.Index, batch);
            }
        }

        Flush(watchlists.Index, batch);
        return count;
    }

    private async Task<long> LoadEventsAsync(EventsDbContext db, CancellationToken cancellationToken)
    {
        var rows = db.Events.AsNoTracking().Where(e => e.DescriptorModel == DescriptorCodec.Model)
            .Select(e => new { e.Id, e.StreamId, e.StartedAt, e.Descriptor });
        var batch = new List<(DateOnly Partition, Guid Id, Guid Owner, float[] Descriptor)>(BatchRows);
        long count = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            batch.Add((EventIndex.PartitionOf(row.StartedAt), row.Id, row.StreamId, DescriptorCodec.ToFloats(row.Descriptor)));
            count++;
            if (batch.Count == BatchRows)
            {
                Flush(events.Index, batch);
            }
        }

        Flush(events.Index, batch);
        return count;
    }

    private static void Flush<TPartition>(DescriptorIndex<TPartition> index, List<(TPartition Partition, Guid Id, Guid Owner, float[] Descriptor)> batch)
        where TPartition : notnull
    {
        foreach (var group in batch.GroupBy(r => r.Partition))
        {
            index.AddRange(group.Key, group.Select(r => (r.Id, r.Owner, r.Descriptor)));
        }

        batch.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Match indexes loaded: {Faces} watchlist descriptors in {Lists} lists in {FaceSeconds:0.00} s, {Events} event descriptors in {Days} days in {EventSeconds:0.00} s")]
    private partial void LogLoaded(long faces, int lists, double faceSeconds, long events, int days, double eventSeconds);
}
