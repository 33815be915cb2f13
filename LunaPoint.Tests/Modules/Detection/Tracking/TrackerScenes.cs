using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Tracking;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Tracking;

/// <summary>Synthetic faces for the tracker: square boxes on a 1280x720 frame at 10 fps.</summary>
internal static class TrackerScenes
{
    public const int Width = 1280;
    public const int Height = 720;

    public static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(1);

    public static FaceTracker Tracker(int minHits = FaceTracker.DefaultMinHits) => new(Width, Height, LostAfter, minHits);

    public static TimeSpan Frame(int index) => TimeSpan.FromMilliseconds(100 * index);

    public static FaceCandidate Face(float x, float y, float size = 80, float score = 0.9f) => new(new Rect2f(x, y, size, size), score);

    /// <summary>Every id ever reported active.</summary>
    public static IEnumerable<Guid> Ids(IEnumerable<TrackerStep> steps) => steps.SelectMany(s => s.Active).Select(t => t.Id).Distinct();

    public static float CentreX(Rect2f box) => box.X + (box.Width / 2);
}
