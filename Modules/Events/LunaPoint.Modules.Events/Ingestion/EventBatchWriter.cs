using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.Modules.Streams.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// Writes one batch of shots and track ends in one transaction: images first (new names), then the rows;
/// only after the commit the event index, the old images and the facts. A failed batch leaves no new
/// file behind and can be retried as it is.
/// </summary>
internal sealed partial class EventBatchWriter(
    IServiceScopeFactory scopes, ImageStore images, ListCatalog catalog, StreamContextCache contexts, ShotMatcher matcher,
    EventIndex eventIndex, TrackMemory memory, IngestionMetrics metrics, FactPublisher facts, TimeProvider clock,
    ILogger<EventBatchWriter> logger)
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
            var shots = batch.OfType<ShotItem>().ToList();
            var streams = new StreamEventContext?[shots.Count];
            for (var i = 0; i < shots.Count; i++)
            {
                streams[i] = await contexts.GetAsync(shots[i].Shot.StreamId, sender, cancellationToken);
            }

            // Matching is CPU work independent of the rows: it runs on other cores while the rows load.
            var matching = MatchAsync(shots, streams, lists, cancellationToken);
            var state = await BatchState.LoadAsync(db, batch, cancellationToken);
            var matched = await matching;
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

        foreach (var (streamId, shots) in outcome.OrphanShots)
        {
            LogStreamGone(shots, streamId);
        }

        await AfterCommitAsync(outcome, cancellationToken);
        metrics.BatchWritten(clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private Task<(StreamEventContext? Stream, IReadOnlyList<Candidate> Candidates)[]> MatchAsync(
        List<ShotItem> shots, StreamEventContext?[] streams, IReadOnlyDictionary<Guid, ListInfo> lists, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var matched = new (StreamEventContext? Stream, IReadOnlyList<Candidate> Candidates)[shots.Count];
                Parallel.For(0, shots.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    var stream = streams[i];
                    // A stream deleted since (a camera's late shots) is matched against nothing: its shots are no alerts.
                    matched[i] = (stream, stream is null ? [] : matcher.Match(shots[i].Shot.Descriptor, stream.ListIds, lists));
                });
                return matched;
            },
            cancellationToken);

    private Task SaveFilesAsync(BatchOutcome outcome, CancellationToken cancellationToken) =>
        EventImageFiles.WriteAsync(images, outcome.NewFiles, cancellationToken);

    private async Task AfterCommitAsync(BatchOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var (day, eventId, streamId, descriptor) in outcome.IndexUpdates)
        {
            eventIndex.Index.Add(day, eventId, streamId, descriptor);
        }

        // Every shot has image names of its own, so an old name is never one a row points at now.
        // Deletes are single metadata operations that wait on the file system: several at once.
        Parallel.ForEach(outcome.OldFiles, new ParallelOptions { MaxDegreeOfParallelism = 4 }, images.Delete);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored {Shots} best shots of stream {StreamId} without matching or facts: the stream no longer exists")]
    private partial void LogStreamGone(int shots, Guid streamId);
}
