using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>What the emitter needs to know about the track a shot belongs to.</summary>
internal sealed record TrackInfo(Guid StreamId, Guid TrackId, DateTimeOffset StartedAt, int Detections);

/// <summary>The track row of a face or body track: made at its first best shot (or its end), updated by later ones.</summary>
internal static class TrackRows
{
    public static async Task<Track> FindOrAddAsync(DetectionDbContext db, TrackInfo track, TrackKind kind, CancellationToken cancellationToken)
    {
        var row = await db.Tracks.FirstOrDefaultAsync(t => t.Id == track.TrackId, cancellationToken);
        if (row is null)
        {
            row = new Track { Id = track.TrackId, StreamId = track.StreamId, Kind = kind, StartedAt = track.StartedAt };
            db.Tracks.Add(row);
        }

        return row;
    }

    /// <summary>A best shot went out now.</summary>
    public static void ShotSent(Track row, TrackInfo track, double quality, DateTimeOffset now, DateTimeOffset? endedAt)
    {
        row.FirstBestShotAt ??= now;
        row.BestShotAt = now;
        row.BestShotQuality = quality;
        row.BestShots++;
        row.Detections = track.Detections;
        row.EndedAt = endedAt ?? row.EndedAt;
    }
}
