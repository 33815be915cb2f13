namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// The photo API's face quality, 0..1: score x size x pose x sharpness, where
/// size = min(1, longer box side / 120 px) (the default bestShot.properSize),
/// pose = max(0, 1 - max(|yaw| / 90, |pitch| / 90)) (a frontal face 1, a profile 0),
/// sharpness = 0.5 + 0.5 x <see cref="FaceSharpness"/> (a soft photo halves the quality at worst).
/// Unlike a stream's best-shot quality it never drops to 0 for a face outside the stream's limits: a
/// photo is judged, not filtered.
/// </summary>
internal static class FaceQuality
{
    public const float ProperSize = 120;

    public static double Of(float score, float faceSide, HeadPose pose, double sharpness)
    {
        var size = Math.Min(1.0, faceSide / ProperSize);
        var angle = Math.Max(0.0, 1 - Math.Max(Math.Abs(pose.Yaw) / 90.0, Math.Abs(pose.Pitch) / 90.0));
        var sharp = 0.5 + 0.5 * Math.Clamp(sharpness, 0, 1);
        return Math.Clamp(score, 0, 1) * size * angle * sharp;
    }
}
