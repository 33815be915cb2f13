using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Images;
using LunaPoint.Modules.Events.Matching;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>
/// Turns one item of a batch into row changes: the track's event made on its first shot and updated by
/// later ones (new image paths, the old files deleted after the commit), its candidates, and the facts
/// to announce once committed.
/// </summary>
internal sealed class ShotApplier(
    EventsDbContext db, BatchState state, BatchOutcome outcome, TrackMemory memory, IReadOnlyDictionary<Guid, ListInfo> lists, DateTimeOffset now)
{
    public const string Area = "events";

    public void Apply(FaceBestShotCaptured shot, StreamEventContext? stream, IReadOnlyList<Candidate> found)
    {
        var created = !state.EventsByTrack.TryGetValue(shot.TrackId, out var row);
        if (row is null)
        {
            row = new DetectionEvent
            {
                Id = Guid.CreateVersion7(shot.TrackStartedAt),
                StreamId = shot.StreamId,
                TrackId = shot.TrackId,
                StartedAt = shot.TrackStartedAt,
                Descriptor = [],
                DescriptorModel = shot.DescriptorModel,
                FaceImagePath = "",
                ContextImagePath = "",
                StreamName = stream?.Name,
                Location = stream?.LocationAddress,
            };
            db.Events.Add(row);
            state.EventsByTrack[shot.TrackId] = row;
            state.MatchesByEvent[row.Id] = [];
        }
        else
        {
            outcome.OldFiles.Add(row.FaceImagePath);
            outcome.OldFiles.Add(row.ContextImagePath);
        }

        ShotFields.Apply(row, shot);
        row.UpdatedAt = now;
        SaveImages(row, shot);
        outcome.IndexUpdates.Add((EventIndex.PartitionOf(row.StartedAt), row.Id, row.StreamId, shot.Descriptor));
        outcome.Shots++;
        if (stream is null)
        {
            // A deleted camera's late shot: kept as a record of who was seen, but it neither alerts nor
            // announces an unknown face, and matches made while the stream existed stay as they were.
            outcome.OrphanShots[shot.StreamId] = outcome.OrphanShots.GetValueOrDefault(shot.StreamId) + 1;
            return;
        }

        var candidates = found.Where(c => state.Faces.ContainsKey(c.FaceId)).ToList();
        var before = state.MatchesByEvent[row.Id].Select(m => m.FaceId).ToHashSet();
        EventMatches.Replace(db, row, state.MatchesByEvent[row.Id], candidates, state.Faces);
        Announce(row, shot, created, candidates, before);
    }

    public void End(FaceTrackEnded end)
    {
        outcome.EndedTracks.Add(end.TrackId);
        if (state.EventsByTrack.TryGetValue(end.TrackId, out var row))
        {
            row.EndedAt = end.EndedAt;
            row.UpdatedAt = now;
        }
    }

    private void SaveImages(DetectionEvent row, FaceBestShotCaptured shot)
    {
        // A new name per shot: the committed row keeps pointing at whole files until the new ones are in.
        row.FaceImagePath = ImageStore.NewPath(Area, row.StartedAt, row.Id, $"-face{row.BestShots}");
        row.ContextImagePath = ImageStore.NewPath(Area, row.StartedAt, row.Id, $"-context{row.BestShots}");
        outcome.NewFiles.Add((row.FaceImagePath, shot.FaceJpeg));
        outcome.NewFiles.Add((row.ContextImagePath, shot.ContextJpeg));
        if (shot.Body is { } body)
        {
            if (row.BodyImagePath is { } oldBody)
            {
                outcome.OldFiles.Add(oldBody);
            }

            row.BodyImagePath = ImageStore.NewPath(Area, row.StartedAt, row.Id, $"-body{row.BestShots}");
            outcome.NewFiles.Add((row.BodyImagePath, body.Jpeg));
        }
    }

    private void Announce(DetectionEvent row, FaceBestShotCaptured shot, bool created, List<Candidate> candidates, HashSet<Guid> before)
    {
        if (candidates.Count == 0)
        {
            if (created)
            {
                outcome.Facts.Add(new UnknownFaceSeen(EventShots.From(row, shot)));
            }

            return;
        }

        var fresh = candidates.Select(c => c.FaceId).Distinct()
            .Where(f => !before.Contains(f) && !memory.WasAnnounced(row.TrackId, f) && !outcome.Announced.Contains((row.TrackId, f)))
            .ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        outcome.Announced.AddRange(fresh.Select(f => (row.TrackId, f)));
        var faces = candidates.Select(c =>
        {
            var (name, externalId) = state.Faces[c.FaceId];
            var list = lists[c.ListId];
            return new MatchedFace(c.FaceId, name, externalId, c.ListId, list.Name, list.Color, list.Notify, Similarity.Round(c.Similarity));
        }).ToList();
        outcome.Facts.Add(new WatchlistMatched(EventShots.From(row, shot), faces));
    }
}
