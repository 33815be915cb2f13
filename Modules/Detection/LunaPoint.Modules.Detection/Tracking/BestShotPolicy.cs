using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Detection.Tracking;

/// <summary>
/// Per-track best-shot rules (settings.bestShot): quality 0..1 from score, size against properSize,
/// pose within maxYaw/maxPitch, sharpness; first shot as soon as one is good enough or timeoutMs after
/// the track started; an update when a clearly better one comes; the final at track end.
/// </summary>
/// <remarks>
/// quality = S · P · D · H, each factor in 0..1:
/// <list type="bullet">
/// <item>S (size) = 0 below minSize, else min(1, size / properSize): resolution is what recognition lacks most.</item>
/// <item>P (pose) = 0 when |yaw| &gt; maxYaw or |pitch| &gt; maxPitch, else (1 − ½(yaw/maxYaw)²)·(1 − ½(pitch/maxPitch)²):
/// flat near frontal, half marks at one limit; 1 when the pose was not measured (neutral).</item>
/// <item>D (detector score) = 0.5 + 0.5·score: above the 0.65 threshold the score says little more, so it only nudges.</item>
/// <item>H (sharpness) = 0.7 + 0.3·sharpness: blur lowers a view but never hides a large frontal face, whatever
/// the sharpness measure's scale turns out to be on a given camera.</item>
/// </list>
/// A product, so any one hard fault (too small, turned away) sinks the view, while the soft factors only rank.
/// </remarks>
internal sealed class BestShotPolicy(BestShotSettings settings)
{
    /// <summary>
    /// A view worth sending at once as the first best shot. A frontal face at properSize with a fair score
    /// reaches it (1 · 1 · 0.9 · 0.7 = 0.63 even when fully blurred); one under 0.6 · properSize never does,
    /// nor one near the pose limits: those wait for a better view or for timeoutMs.
    /// </summary>
    public const double GoodEnough = 0.6;

    /// <summary>How much better than the last sent view an update must be (absolute): noise in the measures is below it.</summary>
    public const double ClearlyBetter = 0.1;

    /// <summary>At most one update per track this often, so a slowly improving face is not a flood; the final carries the best anyway.</summary>
    public static readonly TimeSpan MinUpdateInterval = TimeSpan.FromSeconds(1);

    public BestShotSettings Settings => settings;

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(settings.TimeoutMs);

    /// <returns>0..1; 0 for a face under minSize, cut by the frame's edge or outside the pose limits (never a best shot).</returns>
    public double Quality(ShotMeasure measure)
    {
        if (measure.CutByEdge || !(measure.FaceSize >= settings.MinSize) || !float.IsFinite(measure.Score) || !double.IsFinite(measure.Sharpness))
        {
            return 0;
        }

        var size = Math.Min(1, measure.FaceSize / (double)Math.Max(settings.ProperSize, 1));
        var pose = measure.Pose is { } p ? Within(p.Yaw, settings.MaxYaw) * Within(p.Pitch, settings.MaxPitch) : 1;
        var score = 0.5 + (0.5 * Math.Clamp(measure.Score, 0, 1));
        var sharpness = 0.7 + (0.3 * Math.Clamp(measure.Sharpness, 0, 1));
        return size * pose * score * sharpness;
    }

    /// <summary>1 at 0°, ½ at the limit, 0 past it (or for a limit that is not positive, or an angle that is not a number).</summary>
    private static double Within(float angle, double limit)
    {
        var share = Math.Abs(angle) / limit;
        return share <= 1 ? 1 - (0.5 * share * share) : 0;
    }
}
