using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Iso;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// The per-face estimates of a best shot or a photo: liveness (fr_liveness), age and gender (fr_age,
/// fr_gender), pose (fr_pose), eyes (fr_eye), the image measure, and the ISO/IEC 19794-5 checks. Safe for
/// concurrent use; each model is queued like the others (<see cref="ModelRunner"/>).
/// </summary>
internal sealed class FaceEstimator(FaceEngine engine, IOptions<EstimateOptions> options, IOptions<IsoOptions> isoOptions)
{
    // Built here rather than injected: the checker is stateless and its owner registers nothing for it.
    private readonly IsoChecker _iso = new(isoOptions);

    /// <summary>
    /// Estimates of one face of a BGR image. <paramref name="box"/> and <paramref name="points5"/> are in
    /// <paramref name="bgr"/>'s pixels; the image should hold the face with a margin of at least
    /// <see cref="ContextMargin"/> x its size on each side where the frame allows (liveness looks at the
    /// surroundings). <paramref name="facesInImage"/> feeds the ISO single-face check. Licence checks are the
    /// caller's: this estimates whatever <paramref name="kinds"/> asks. Pose, eyes and the image measure
    /// are filled whenever they are asked for or needed by ISO; the image measure comes with any estimate.
    /// </summary>
    public async ValueTask<FaceEstimates> EstimateAsync(
        Mat bgr, Rect2f box, Point2f[] points5, FaceEstimateKinds kinds, int facesInImage, CancellationToken cancellationToken)
    {
        if (kinds == FaceEstimateKinds.None)
        {
            return new FaceEstimates();
        }

        var iso = kinds.HasFlag(FaceEstimateKinds.Iso);
        var wantPose = iso || kinds.HasFlag(FaceEstimateKinds.Pose);
        HeadPose? pose = wantPose || kinds.HasFlag(FaceEstimateKinds.Liveness) ? await engine.PoseAsync(bgr, box, cancellationToken) : null;
        var estimates = new FaceEstimates(
            kinds.HasFlag(FaceEstimateKinds.Liveness) ? await LivenessAsync(bgr, box, pose!, cancellationToken) : null,
            kinds.HasFlag(FaceEstimateKinds.Attributes) ? await AttributesAsync(bgr, box, cancellationToken) : null,
            wantPose ? new PoseEstimate(Math.Round(pose!.Yaw, 1), Math.Round(pose.Pitch, 1), Math.Round(pose.Roll, 1)) : null,
            iso || kinds.HasFlag(FaceEstimateKinds.Eyes) ? await EyesAsync(bgr, points5, cancellationToken) : null,
            ImageQualityMeasure.Measure(bgr, box));
        return iso ? estimates with { Iso = _iso.Check(bgr, box, points5, estimates, facesInImage) } : estimates;
    }

    /// <summary>The margin (times the face's longer side, each side) the estimates want around the face.</summary>
    public const float ContextMargin = 1.0f;

    private async ValueTask<LivenessEstimate> LivenessAsync(Mat bgr, Rect2f box, HeadPose pose, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (Math.Max(box.Width, box.Height) < settings.LivenessMinFaceSize
            || Math.Abs(pose.Yaw) > settings.LivenessMaxYaw
            || Math.Abs(pose.Pitch) > settings.LivenessMaxPitch
            || !LivenessModel.ContextFits(bgr.Size(), box))
        {
            return new LivenessEstimate(LivenessState.Unknown, null);
        }

        var score = await engine.LivenessAsync(bgr, box, cancellationToken);
        return new LivenessEstimate(score >= settings.LivenessThreshold ? LivenessState.Real : LivenessState.Spoof, Math.Round(score, 4));
    }

    private async ValueTask<AttributesEstimate> AttributesAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        var age = await engine.AgeAsync(bgr, box, cancellationToken);
        var gender = await engine.GenderAsync(bgr, box, cancellationToken);
        return new AttributesEstimate(
            Math.Round(Math.Clamp(age, 0, 101), 1),
            gender >= GenderModel.Boundary ? "male" : "female",
            Math.Round(GenderModel.Confidence(gender), 4));
    }

    private async ValueTask<EyesEstimate> EyesAsync(Mat bgr, Point2f[] points5, CancellationToken cancellationToken)
    {
        var (left, right) = (points5[0], points5[1]);
        var distance = (float)Math.Sqrt(Math.Pow(right.X - left.X, 2) + Math.Pow(right.Y - left.Y, 2));
        using var gray = bgr.CvtColor(ColorConversionCodes.BGR2GRAY);
        return new EyesEstimate(await EyeAsync(gray, left, distance, cancellationToken), await EyeAsync(gray, right, distance, cancellationToken));
    }

    private async ValueTask<EyeEstimate> EyeAsync(Mat gray, Point2f eye, float distance, CancellationToken cancellationToken)
    {
        // Too small to see an eyelid, or the eye's square mostly beyond the image edge.
        if (distance < options.Value.EyeMinDistance || !FaceCrop.Inside(gray.Size(), eye, distance * EyeModel.Size, slack: 0.25f))
        {
            return new EyeEstimate(EyeState.Unknown, null);
        }

        var open = await engine.EyeOpenAsync(gray, eye, distance, cancellationToken);
        return new EyeEstimate(open >= 0.5 ? EyeState.Open : EyeState.Closed, Math.Round(open, 4));
    }
}
