using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Streams.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Tracking;

// STUB (step 5 plan): the tracking side's surface as the stream worker uses it.

/// <summary>One followed face as the tracker sees it after an update.</summary>
/// <param name="Box">Where the track is now: the matched detection, or the motion model's prediction on frames the detector skipped.</param>
/// <param name="Detection">The detection matched on this update, null when predicted.</param>
internal sealed record TrackSnapshot(Guid Id, Rect2f Box, FaceCandidate? Detection, TimeSpan StartedAt, TimeSpan LastSeenAt, int Hits);

/// <param name="Active">Tracks alive after this update (confirmed ones only).</param>
/// <param name="Ended">Tracks that ended on this update: lost for longer than trackLostMs, or left the frame.</param>
internal sealed record TrackerStep(IReadOnlyList<TrackSnapshot> Active, IReadOnlyList<TrackSnapshot> Ended);

/// <summary>
/// SORT-style multi-object tracker for one stream: a constant-velocity motion model per track and IoU
/// assignment, keeping identity across frames the detector skips.
/// </summary>
internal sealed class FaceTracker(int frameWidth, int frameHeight, TimeSpan lostAfter)
{
    public (int Width, int Height, TimeSpan LostAfter) Setup => (frameWidth, frameHeight, lostAfter);

    /// <param name="at">Stream time of the frame (media time for batch files, elapsed wall time for live).</param>
    /// <param name="detections">The detector's faces (already filtered by ROI and minFaceSize), or null on a frame the detector skipped.</param>
    public TrackerStep Update(TimeSpan at, IReadOnlyList<FaceCandidate>? detections) => throw new NotImplementedException();

    /// <summary>Ends every track (stream stopped or source finished).</summary>
    public IReadOnlyList<TrackSnapshot> EndAll() => throw new NotImplementedException();
}

/// <summary>What the best-shot policy needs to judge one view of a track's face.</summary>
internal sealed record ShotMeasure(float Score, float FaceSize, HeadPose? Pose, double Sharpness);

internal enum ShotDecision
{
    /// <summary>Not better than the view the track holds (or quality 0): forget this view.</summary>
    Discard,

    /// <summary>The track's best view so far; keep it (replacing the held one) but send nothing yet.</summary>
    Hold,

    /// <summary>Keep it and send it now as the track's first best shot.</summary>
    EmitFirst,

    /// <summary>Keep it and send it now as an update: clearly better than the one sent.</summary>
    EmitUpdate,
}

/// <summary>
/// One stream's best-shot bookkeeping per track (pure logic, no images: the caller keeps the image of the
/// view it was told to hold). Not thread-safe: one analysis loop owns it.
/// </summary>
internal sealed class BestShotBook(BestShotPolicy policy)
{
    public BestShotPolicy Policy => policy;

    /// <summary>Judges a measured view of a track's face.</summary>
    public ShotDecision Offer(Guid trackId, TimeSpan trackStartedAt, TimeSpan now, double quality) => throw new NotImplementedException();

    /// <summary>
    /// Tracks holding a view but with nothing sent whose bestShot.timeoutMs has passed: the caller sends
    /// the held view as the first best shot now; the book counts it as sent.
    /// </summary>
    public IReadOnlyList<Guid> DueByTimeout(TimeSpan now) => throw new NotImplementedException();

    /// <summary>The track ended; true when a final best shot (the held view) must be sent. Forgets the track.</summary>
    public bool End(Guid trackId) => throw new NotImplementedException();
}

/// <summary>
/// Per-track best-shot rules (settings.bestShot): quality 0..1 from score, size against properSize,
/// pose within maxYaw/maxPitch, sharpness; first shot as soon as one is good enough or timeoutMs after
/// the track started; an update when a clearly better one comes; the final at track end.
/// </summary>
internal sealed class BestShotPolicy(BestShotSettings settings)
{
    public BestShotSettings Settings => settings;

    /// <returns>0..1; 0 for a face under minSize or outside the pose limits (never a best shot).</returns>
    public double Quality(ShotMeasure measure) => throw new NotImplementedException();
}
