using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Retention;

/// <summary>
/// Deletes events older than their retention (matched and unmatched apart) with their candidates, images
/// and index entries, a small batch per scope and statement, so ingestion's writes are never blocked for
/// long. Rows go first, then files: a crash in between leaves a stray file, never a row without its image.
/// </summary>
internal sealed partial class RetentionSweep(
    IServiceScopeFactory scopes, ImageStore images, EventIndex index, IOptions<EventsOptions> options, TimeProvider clock, ILogger<RetentionSweep> logger)
{
    /// <summary>The last time a sweep finished (tests wait for it).</summary>
    public DateTimeOffset? LastSweptAt { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Retention;
        var now = clock.GetUtcNow();
        var deleted = 0L;
        if (settings.MatchedDays > 0)
        {
            deleted += await SweepAsync(matched: true, now.AddDays(-settings.MatchedDays), settings.BatchSize, cancellationToken);
        }

        if (settings.UnmatchedDays > 0)
        {
            deleted += await SweepAsync(matched: false, now.AddDays(-settings.UnmatchedDays), settings.BatchSize, cancellationToken);
        }

        if (deleted > 0)
        {
            LogSwept(deleted, settings.MatchedDays, settings.UnmatchedDays);
        }

        LastSweptAt = now;
    }

    private async Task<long> SweepAsync(bool matched, DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        long total = 0;
        var days = new HashSet<DateOnly>();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var old = await db.Events.AsNoTracking()
                .Where(e => e.StartedAt < before && (e.TopFaceId != null) == matched)
                .OrderBy(e => e.StartedAt)
                .Select(e => new { e.Id, e.StartedAt, e.FaceImagePath, e.ContextImagePath, e.BodyImagePath })
                .Take(Math.Max(1, batchSize))
                .ToListAsync(cancellationToken);
            if (old.Count == 0)
            {
                break;
            }

            var ids = old.Select(e => e.Id).ToList();
            await db.EventMatches.Where(m => ids.Contains(m.EventId)).ExecuteDeleteAsync(cancellationToken);
            await db.Events.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            foreach (var row in old)
            {
                var day = EventIndex.PartitionOf(row.StartedAt);
                days.Add(day);
                index.Index.Remove(day, row.Id);
                images.Delete(row.FaceImagePath);
                images.Delete(row.ContextImagePath);
                images.Delete(row.BodyImagePath);
            }

            total += old.Count;
        }

        await DropEmptyDaysAsync(days, cancellationToken);
        return total;
    }

    /// <summary>A day partition with no event left is removed from the index (its folders stay; they are empty).</summary>
    private async Task DropEmptyDaysAsync(IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        foreach (var day in days)
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var end = start.AddDays(1);
            if (!await db.Events.AnyAsync(e => e.StartedAt >= start && e.StartedAt < end, cancellationToken))
            {
                index.Index.RemovePartition(day);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Events} events (matched kept {MatchedDays} days, unmatched {UnmatchedDays}; 0 = for ever)")]
    private partial void LogSwept(long events, int matchedDays, int unmatchedDays);
}
