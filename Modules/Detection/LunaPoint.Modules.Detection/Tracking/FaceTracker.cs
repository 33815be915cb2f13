using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Tracking;

/// <summary>
/// SORT-style multi-object tracker for one stream: a constant-velocity motion model per track
/// (<see cref="TrackMotion"/>) and IoU assignment with a distance fallback (<see cref="TrackMatcher"/>),
/// keeping identity across frames the detector skips. Pure logic, deterministic but for the ids; not
/// thread-safe (one analysis loop owns it). ROI and minFaceSize are the caller's filters, not its.
/// </summary>
/// <remarks>
/// A track ends when it has not been matched for longer than <paramref name="lostAfter"/>, or, on a frame
/// the detector ran on, when it went unmatched and its predicted centre is outside the frame (more than
/// half the face gone; the detector has just had its chance to see it). On skipped frames only time ends
/// tracks: no detection there is no evidence of absence.
/// </remarks>
/// <param name="minHits">
/// Detections before a track is reported. 1 by default: at score ≥ 0.65 with NMS the detector found
/// every face in the real photos and nothing else, and a second sighting would cost a whole detector
/// interval (0.5 s at detectorStep 5, 10 fps) of the 1 s first-best-shot budget. With more, a track not yet
/// confirmed that misses a detection is dropped silently (SORT's rule for tentative tracks).
/// </param>
internal sealed class FaceTracker(int frameWidth, int frameHeight, TimeSpan lostAfter, int minHits = FaceTracker.DefaultMinHits)
{
    public const int DefaultMinHits = 1;

    private static readonly TrackSnapshot[] None = [];

    private readonly List<FollowedFace> _tracks = [];
    private readonly List<Rect2f> _predicted = [];
    private readonly List<TimeSpan> _unseenFor = [];
    private readonly TrackMatcher _matcher = new();

    public (int Width, int Height, TimeSpan LostAfter) Setup => (frameWidth, frameHeight, lostAfter);

    /// <param name="at">Stream time of the frame (media time for batch files, elapsed wall time for live).</param>
    /// <param name="detections">The detector's faces (already filtered by ROI and minFaceSize), or null on a frame the detector skipped.</param>
    public TrackerStep Update(TimeSpan at, IReadOnlyList<FaceCandidate>? detections)
    {
        _predicted.Clear();
        _unseenFor.Clear();
        foreach (var track in _tracks)
        {
            _predicted.Add(track.Motion.Predict(at));
            _unseenFor.Add(at - track.LastSeenAt);
        }

        var matches = detections is null ? default : _matcher.Match(_predicted, _unseenFor, detections);
        var active = new List<TrackSnapshot>(_tracks.Count + (detections?.Count ?? 0));
        List<TrackSnapshot>? ended = null;
        var kept = 0;
        for (var i = 0; i < _tracks.Count; i++)
        {
            var track = _tracks[i];
            var match = detections is null ? -1 : matches[i];
            if (match >= 0)
            {
                track.Seen(detections![match], at, minHits);
            }
            else if (at - track.LastSeenAt > lostAfter
                     || (detections is not null && (!track.Confirmed || !BoxGeometry.CentreInside(_predicted[i], frameWidth, frameHeight))))
            {
                if (track.Confirmed)
                {
                    (ended ??= []).Add(track.Snapshot(track.LastBox, null));
                }

                continue;
            }

            if (track.Confirmed)
            {
                active.Add(match >= 0 ? track.Snapshot(detections![match].Box, detections[match]) : track.Snapshot(_predicted[i], null));
            }

            _tracks[kept++] = track;
        }

        _tracks.RemoveRange(kept, _tracks.Count - kept);
        for (var d = 0; d < (detections?.Count ?? 0); d++)
        {
            if (!_matcher.IsUsed(d))
            {
                var track = new FollowedFace(detections![d], at, minHits);
                _tracks.Add(track);
                if (track.Confirmed)
                {
                    active.Add(track.Snapshot(detections[d].Box, detections[d]));
                }
            }
        }

        return new TrackerStep(active, ended ?? (IReadOnlyList<TrackSnapshot>)None);
    }

    /// <summary>Ends every track (stream stopped or source finished); each confirmed one is reported once.</summary>
    public IReadOnlyList<TrackSnapshot> EndAll()
    {
        var ended = _tracks.Where(t => t.Confirmed).Select(t => t.Snapshot(t.LastBox, null)).ToList();
        _tracks.Clear();
        return ended;
    }

    /// <summary>A track's mutable state; <see cref="TrackSnapshot"/> is what leaves the tracker.</summary>
    private sealed class FollowedFace(FaceCandidate first, TimeSpan at, int minHits)
    {
        public Guid Id { get; } = Guid.CreateVersion7();
        public TrackMotion Motion { get; } = new(first.Box, at);
        public TimeSpan StartedAt { get; } = at;
        public TimeSpan LastSeenAt { get; private set; } = at;
        public Rect2f LastBox { get; private set; } = first.Box;
        public int Hits { get; private set; } = 1;
        public bool Confirmed { get; private set; } = minHits <= 1;

        public void Seen(FaceCandidate detection, TimeSpan at, int minHits)
        {
            Motion.Correct(detection.Box, at);
            (LastSeenAt, LastBox, Hits) = (at, detection.Box, Hits + 1);
            Confirmed |= Hits >= minHits;
        }

        public TrackSnapshot Snapshot(Rect2f box, FaceCandidate? detection) => new(Id, box, detection, StartedAt, LastSeenAt, Hits);
    }
}
