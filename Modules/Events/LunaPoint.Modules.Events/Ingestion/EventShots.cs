using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Events.Domain;

namespace LunaPoint.Modules.Events.Ingestion;

internal static class EventShots
{
    public static EventShot From(DetectionEvent row, FaceBestShotCaptured shot) => new(
        row.Id, row.StreamId, row.StreamName, row.Location, row.TrackId, shot.CapturedAt, shot.FaceJpeg, shot.Quality,
        row.Age, row.Gender, row.Liveness, shot.Estimates?.Liveness?.Score);
}
