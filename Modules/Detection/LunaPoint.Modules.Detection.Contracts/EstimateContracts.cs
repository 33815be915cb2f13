using System.Text.Json.Serialization;

namespace LunaPoint.Modules.Detection.Contracts;

/// <summary>What to estimate for a face, beyond detection; names as the photo API's <c>estimate=</c> spells them.</summary>
[Flags]
public enum FaceEstimateKinds
{
    None = 0,

    /// <summary>fr_liveness (licensed: liveness).</summary>
    Liveness = 1,

    /// <summary>Age (fr_age) and gender (fr_gender).</summary>
    Attributes = 2,

    /// <summary>Head yaw/pitch/roll (fr_pose).</summary>
    Pose = 4,

    /// <summary>Each eye open or closed (fr_eye).</summary>
    Eyes = 8,

    /// <summary>ISO/IEC 19794-5 portrait checks (licensed: isoChecks); implies pose, eyes and the image measure.</summary>
    Iso = 16,
}

/// <summary>Written lower-case on the wire (API answers, OpenAPI, webhooks, track rows) whatever converter the host adds.</summary>
public enum LivenessState
{
    [JsonStringEnumMemberName("real")]
    Real,

    [JsonStringEnumMemberName("spoof")]
    Spoof,

    /// <summary>
    /// Not judged: the face is too small, turned too far, touches the image's edge (cut by it), or the image
    /// holds too little around it (less than the minimum context, in face boxes, on the tighter axis).
    /// </summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <param name="Score">0..1, the model's belief that the face is live (higher = more live); null when Unknown.</param>
public sealed record LivenessEstimate(LivenessState State, double? Score);

/// <param name="Age">Years.</param>
/// <param name="Gender"><c>female</c> or <c>male</c>.</param>
/// <param name="GenderScore">0..1, how sure the model is of <paramref name="Gender"/> (0.5 = a guess).</param>
public sealed record AttributesEstimate(double Age, string Gender, double GenderScore);

/// <summary>Degrees; 0/0/0 is frontal. Negative yaw: the face turned towards the image's right; positive roll: tilted clockwise as seen.</summary>
public sealed record PoseEstimate(double Yaw, double Pitch, double Roll);

/// <summary>Written lower-case on the wire, like <see cref="LivenessState"/>.</summary>
public enum EyeState
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("closed")]
    Closed,

    /// <summary>The eye could not be judged (eyes too close together to see an eyelid, or the eye's square mostly beyond the image edge).</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}

/// <param name="OpenScore">0..1, the model's belief that the eye is open; null when Unknown.</param>
public sealed record EyeEstimate(EyeState State, double? OpenScore);

/// <summary>Left and right as seen in the image (Left = the eye nearer the image's left edge).</summary>
public sealed record EyesEstimate(EyeEstimate Left, EyeEstimate Right);

/// <summary>How usable the face region is as a picture, independent of who it is.</summary>
/// <param name="Sharpness">0..1 (variance of the Laplacian of the face scaled to 64x64, v / (v + 400)).</param>
/// <param name="Brightness">0..1, the mean luminance of the face region.</param>
/// <param name="Exposure">0..1, 1 = well exposed; falls as the face region is too dark or too bright or clipped.</param>
public sealed record ImageQualityEstimate(double Sharpness, double Brightness, double Exposure);

/// <summary>One ISO/IEC 19794-5 check: what was measured, the limits it was held to, and the verdict.</summary>
/// <param name="Name">camelCase, e.g. <c>singleFace</c>, <c>faceSize</c>, <c>yaw</c>, <c>pitch</c>, <c>roll</c>, <c>eyesOpen</c> (docs/iso-checks.md lists them).</param>
/// <param name="Value">Rounded to 4 places, as are <paramref name="Min"/> and <paramref name="Max"/>; null when not measured.</param>
/// <param name="Passed">null when the check could not be measured on this image (it does not fail the verdict).</param>
public sealed record IsoCheck(string Name, double? Value, double? Min, double? Max, bool? Passed, string? Detail = null);

/// <param name="Passed">Every measurable check passed.</param>
public sealed record IsoReport(bool Passed, IReadOnlyList<IsoCheck> Checks);

/// <summary>
/// The estimates made for a face; a part is null when it was not asked for or not licensed, when its model
/// failed on this face (logged), and <see cref="Attributes"/> also when the face is smaller than
/// <c>LunaPoint:Detection:Estimates:AttributesMinFaceSize</c>.
/// </summary>
public sealed record FaceEstimates(
    LivenessEstimate? Liveness = null,
    AttributesEstimate? Attributes = null,
    PoseEstimate? Pose = null,
    EyesEstimate? Eyes = null,
    ImageQualityEstimate? Image = null,
    IsoReport? Iso = null);
