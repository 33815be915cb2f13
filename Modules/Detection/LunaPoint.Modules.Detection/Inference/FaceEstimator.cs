using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Iso;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// The per-face estimates of a best shot or a photo: liveness (fr_liveness), age and gender (fr_age,
/// fr_gender), pose (fr_pose), eyes (fr_eye), the image measure, and the ISO/IEC 19794-5 checks. Safe for
/// concurrent use; each model is queued like the others (<see cref="ModelRunner"/>). A part that fails is
/// logged and left null (<see cref="EstimateParts"/>), so one face's trouble never costs the others or the
/// request; every figure is rounded in one place (<see cref="EstimateRounding"/>).
/// </summary>
internal sealed class FaceEstimator(FaceEngine engine, IOptions<EstimateOptions> options, IsoChecker iso, ILogger<FaceEstimator>? logger = null)
{
    private readonly EstimateParts _parts = new(logger ?? (ILogger)NullLogger.Instance);

    /// <summary>
    /// Estimates of one face of a BGR image. <paramref name="box"/> and <paramref name="points5"/> are in
    /// <paramref name="bgr"/>'s pixels; the image should hold the face with a margin of at least
    /// <see cref="ContextMargin"/> x its size on each side where the frame allows (liveness looks at the
    /// surroundings). <paramref name="facesInImage"/> feeds the ISO single-face check. Licence checks are the
    /// caller's: this estimates whatever <paramref name="kinds"/> asks. Pose, eyes and the image measure
    /// are filled whenever they are asked for or needed by ISO; the image measure comes with any estimate.
    /// A box with no area (or not finite) gets no model estimate: pose and attributes null, liveness unknown.
    /// </summary>
    public ValueTask<FaceEstimates> EstimateAsync(
        Mat bgr, Rect2f box, Point2f[] points5, FaceEstimateKinds kinds, int facesInImage, CancellationToken cancellationToken) =>
        EstimateAsync(bgr, box, points5, kinds, facesInImage, knownPose: null, cancellationToken);

    /// <param name="knownPose">fr_pose's reading of this very box in this very image, when the caller has it (the photo API computes it for quality): not run again.</param>
    public async ValueTask<FaceEstimates> EstimateAsync(
        Mat bgr, Rect2f box, Point2f[] points5, FaceEstimateKinds kinds, int facesInImage, HeadPose? knownPose, CancellationToken cancellationToken)
    {
        if (kinds == FaceEstimateKinds.None)
        {
            return new FaceEstimates();
        }

        var wantIso = kinds.HasFlag(FaceEstimateKinds.Iso);
        var wantPose = wantIso || kinds.HasFlag(FaceEstimateKinds.Pose);
        var usable = FaceCrop.Usable(box) && !bgr.Empty();
        var pose = usable && (wantPose || kinds.HasFlag(FaceEstimateKinds.Liveness))
            ? knownPose is { } known ? Finite(known) : await _parts.RunAsync("pose", async () => Finite(await engine.PoseAsync(bgr, box, cancellationToken)), cancellationToken)
            : null;
        var estimates = new FaceEstimates(
            kinds.HasFlag(FaceEstimateKinds.Liveness) ? await _parts.RunAsync("liveness", () => LivenessAsync(bgr, box, pose, cancellationToken), cancellationToken) : null,
            kinds.HasFlag(FaceEstimateKinds.Attributes) && usable ? await _parts.RunAsync("attributes", () => AttributesAsync(bgr, box, cancellationToken), cancellationToken) : null,
            wantPose && pose is { } p ? new PoseEstimate(p.Yaw, p.Pitch, p.Roll) : null,
            wantIso || kinds.HasFlag(FaceEstimateKinds.Eyes) ? await _parts.RunAsync("eyes", () => EyesAsync(bgr, points5, cancellationToken), cancellationToken) : null,
            _parts.Run("image", () => ImageQualityMeasure.Measure(bgr, box)));
        if (wantIso)
        {
            estimates = estimates with { Iso = _parts.Run("iso", () => iso.Check(bgr, box, points5, estimates, facesInImage)) };
        }

        return EstimateRounding.Round(estimates);
    }

    /// <summary>
    /// A face box at the image's edge, within a tenth of its size (at least 2 px), is probably cut by it: the
    /// detector's box of a cut face stops a few pixels short of the edge, and the liveness model misreads part
    /// of a face as a replay (astronaut.png cut at the top: box 3.4 px from it, read spoof 0.37).
    /// </summary>
    private static bool CutByEdge(Size image, Rect2f box)
    {
        var margin = Math.Max(2f, Math.Min(box.Width, box.Height) * 0.1f);
        return box.X <= margin || box.Y <= margin || box.X + box.Width >= image.Width - margin || box.Y + box.Height >= image.Height - margin;
    }

    /// <summary>The margin (times the face's longer side, each side) the estimates want around the face.</summary>
    public const float ContextMargin = 1.0f;

    private static HeadPose? Finite(HeadPose pose) =>
        float.IsFinite(pose.Yaw) && float.IsFinite(pose.Pitch) && float.IsFinite(pose.Roll) ? pose : null;

    private async ValueTask<LivenessEstimate> LivenessAsync(Mat bgr, Rect2f box, HeadPose? pose, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // No pose means no usable box (or fr_pose failed): nothing the liveness model could judge either.
        if (pose is null
            || Math.Max(box.Width, box.Height) < settings.LivenessMinFaceSize
            || Math.Abs(pose.Yaw) > settings.LivenessMaxYaw
            || Math.Abs(pose.Pitch) > settings.LivenessMaxPitch
            || LivenessModel.ContextAvailable(bgr.Size(), box) < settings.LivenessMinContext
            || CutByEdge(bgr.Size(), box))
        {
            return new LivenessEstimate(LivenessState.Unknown, null);
        }

        var score = await engine.LivenessAsync(bgr, box, cancellationToken);
        return new LivenessEstimate(score >= settings.LivenessThreshold ? LivenessState.Real : LivenessState.Spoof, score);
    }

    private async ValueTask<AttributesEstimate?> AttributesAsync(Mat bgr, Rect2f box, CancellationToken cancellationToken)
    {
        // Below this the models answer confidently about a blur (docs/models.md): no answer is better.
        if (Math.Max(box.Width, box.Height) < options.Value.AttributesMinFaceSize)
        {
            return null;
        }

        var age = await engine.AgeAsync(bgr, box, cancellationToken);
        var gender = await engine.GenderAsync(bgr, box, cancellationToken);
        return double.IsFinite(age) && double.IsFinite(gender)
            ? new AttributesEstimate(Math.Clamp(age, 0, 101), gender >= GenderModel.Boundary ? "male" : "female", GenderModel.Confidence(gender))
            : null;
    }

    private async ValueTask<EyesEstimate> EyesAsync(Mat bgr, Point2f[] points5, CancellationToken cancellationToken)
    {
        if (points5.Length < 2)
        {
            return new EyesEstimate(new EyeEstimate(EyeState.Unknown, null), new EyeEstimate(EyeState.Unknown, null));
        }

        var (left, right) = (points5[0], points5[1]);
        var distance = (float)Math.Sqrt(Math.Pow(right.X - left.X, 2) + Math.Pow(right.Y - left.Y, 2));
        return new EyesEstimate(await EyeAsync(bgr, left, distance, cancellationToken), await EyeAsync(bgr, right, distance, cancellationToken));
    }

    private async ValueTask<EyeEstimate> EyeAsync(Mat bgr, Point2f eye, float distance, CancellationToken cancellationToken)
    {
        // Too small to see an eyelid (NaN points included: the test is written so NaN fails it), or the eye's square mostly beyond the image edge.
        if (!(distance >= options.Value.EyeMinDistance) || !float.IsFinite(distance)
            || !FaceCrop.Inside(bgr.Size(), eye, distance * EyeModel.Size, slack: 0.25f))
        {
            return new EyeEstimate(EyeState.Unknown, null);
        }

        var open = await engine.EyeOpenAsync(bgr, eye, distance, cancellationToken);
        return new EyeEstimate(open >= 0.5 ? EyeState.Open : EyeState.Closed, open);
    }
}
