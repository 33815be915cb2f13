using LunaPoint.Modules.Detection.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// The per-face estimates of a best shot or a photo: liveness (fr_liveness), age and gender (fr_age,
/// fr_gender), pose (fr_pose), eyes (fr_eye), the image measure, and the ISO/IEC 19794-5 checks. Safe for
/// concurrent use; each model is queued like the others (<see cref="ModelRunner"/>).
/// STUB (step-6 contract): the estimates helper implements it.
/// </summary>
internal sealed class FaceEstimator(FaceEngine engine)
{
    /// <summary>
    /// Estimates of one face of a BGR image. <paramref name="box"/> and <paramref name="points5"/> are in
    /// <paramref name="bgr"/>'s pixels; the image should hold the face with a margin of at least
    /// <see cref="ContextMargin"/> x its size on each side where the frame allows (liveness looks at the
    /// surroundings). <paramref name="facesInImage"/> feeds the ISO single-face check. Licence checks are the
    /// caller's: this estimates whatever <paramref name="kinds"/> asks. Pose, eyes and the image measure
    /// are filled whenever they are asked for or needed by ISO.
    /// </summary>
    public ValueTask<FaceEstimates> EstimateAsync(
        Mat bgr, Rect2f box, Point2f[] points5, FaceEstimateKinds kinds, int facesInImage, CancellationToken cancellationToken) =>
        throw new NotImplementedException(engine.IsReady ? "stub" : "stub");

    /// <summary>The margin (times the face's longer side, each side) the estimates want around the face.</summary>
    public const float ContextMargin = 1.0f;
}
