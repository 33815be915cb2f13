using LunaPoint.Modules.Detection.Video;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Detection.Workers;

internal sealed partial class FaceAnalysis
{
    public void Dispose()
    {
        foreach (var life in _tracks.Values)
        {
            life.Held?.Dispose();
        }

        _tracks.Clear();
        bodies.Dispose();
    }

    /// <param name="startedAt">When the frame that first showed the face was read: alert latency counts from there.</param>
    private sealed class TrackLife(DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt => startedAt;
        public int Detections;
        public bool Sent;
        public HeldShot? Held;
    }
}
