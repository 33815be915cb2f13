using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// Writes one batch of shots and track ends in one transaction: images first (new names), then the rows;
/// only after the commit the event index, the old images and the facts. A failed batch leaves no new
/// file behind and can be retried as it is.
/// </summary>
internal sealed class EventBatchWriter(
    IServiceScopeFactory scopes, ImageStore images, ListCatalog catalog, StreamContextCache contexts, ShotMatcher matcher,
    EventIndex eventIndex, TrackMemory memory, IngestionMetrics metrics, FactPublisher facts, TimeProvider clock)
{
    public async Task WriteAsync(IReadOnlyList<IngestItem> batch, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var outcome = new BatchOutcome();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var lists = await catalog.GetAsync(db, cancellationToken);
            var state = await BatchState.LoadAsync(db, batch, cancellationToken);
            var matched = new List<(StreamEventContext? Stream, IReadOnlyList<Candidate> Candidates)>();
            foreach (var item in batch.OfType<ShotItem>())
            {
                var stream = await contexts.GetAsync(item.Shot.StreamId, sender, cancellationToken);
                matched.Add((stream, matcher.Match(item.Shot.Descriptor, stream?.ListIds ?? [], lists)));
            }

            await state.LoadFacesAsync(db, matched.SelectMany(m => m.Candidates).Select(c => c.FaceId), cancellationToken);
            var applier = new ShotApplier(db, state, outcome, memory, lists, clock.GetUtcNow());
            var next = 0;
            foreach (var item in batch)
            {
                if (item is ShotItem shot)
                {
                    var (stream, candidates) = matched[next++];
                    applier.Apply(shot.Shot, stream, candidates);
                }
                else if (item is TrackEndItem end)
                {
                    applier.End(end.End);
                }
            }

            // The files are written while the rows go in; the transaction commits only once both are done.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var files = SaveFilesAsync(outcome, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await files;
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                await files.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                foreach (var (path, _) in outcome.NewFiles)
                {
                    images.Delete(path);
                }

                throw;
            }
        }

        await AfterCommitAsync(outcome, cancellationToken);
        metrics.BatchWritten(clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private Task SaveFilesAsync(BatchOutcome outcome, CancellationToken cancellationToken) =>
        // Several files at once: each save is a small write and a rename, mostly waiting on the file system.
        Parallel.ForEachAsync(outcome.NewFiles, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (file, ct) => await images.SaveAsync(file.Path, file.Jpeg, ct));

    private async Task AfterCommitAsync(BatchOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var (day, eventId, streamId, descriptor) in outcome.IndexUpdates)
        {
            eventIndex.Index.Add(day, eventId, streamId, descriptor);
        }

        // Every shot has image names of its own, so an old name is never one a row points at now.
        foreach (var old in outcome.OldFiles)
        {
            images.Delete(old);
        }

        foreach (var (trackId, faceId) in outcome.Announced)
        {
            memory.Announced(trackId, faceId);
        }

        foreach (var trackId in outcome.EndedTracks)
        {
            memory.Ended(trackId);
        }

        metrics.ShotsWritten(outcome.Shots);
        await facts.PublishAsync(outcome.Facts, cancellationToken);
    }
}
