using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Tracking;

// The tracking side's shared records as the stream worker uses them; FaceTracker, BestShotPolicy and
// BestShotBook have files of their own.

/// <summary>One followed face as the tracker sees it after an update.</summary>
/// <param name="Box">Where the track is now: the matched detection, or the motion model's prediction on frames the detector skipped.</param>
/// <param name="Detection">The detection matched on this update, null when predicted.</param>
internal sealed record TrackSnapshot(Guid Id, Rect2f Box, FaceCandidate? Detection, TimeSpan StartedAt, TimeSpan LastSeenAt, int Hits);

/// <param name="Active">Tracks alive after this update (confirmed ones only).</param>
/// <param name="Ended">Tracks that ended on this update: lost for longer than trackLostMs, or left the frame.</param>
internal sealed record TrackerStep(IReadOnlyList<TrackSnapshot> Active, IReadOnlyList<TrackSnapshot> Ended);

/// <summary>What the best-shot policy needs to judge one view of a track's face.</summary>
/// <param name="CutByEdge">The face's box touches the frame's edge: half a face, never a best shot.</param>
internal sealed record ShotMeasure(float Score, float FaceSize, HeadPose? Pose, double Sharpness, bool CutByEdge = false);

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
