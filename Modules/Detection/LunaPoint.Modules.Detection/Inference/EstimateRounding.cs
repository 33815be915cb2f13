using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Detection.Inference;

/// <summary>
/// The one place the estimates are rounded, for the photo API, the webhooks and the track rows alike:
/// scores, shares and ISO values/limits to <see cref="Decimals"/> places, degrees and years to one.
/// </summary>
internal static class EstimateRounding
{
    public const int Decimals = 4;

    public static FaceEstimates Round(FaceEstimates e) => e with
    {
        Liveness = e.Liveness is { } l ? l with { Score = R(l.Score) } : null,
        Attributes = e.Attributes is { } a ? a with { Age = Math.Round(a.Age, 1), GenderScore = R(a.GenderScore) } : null,
        Pose = e.Pose is { } p ? new PoseEstimate(Math.Round(p.Yaw, 1), Math.Round(p.Pitch, 1), Math.Round(p.Roll, 1)) : null,
        Eyes = e.Eyes is { } y ? new EyesEstimate(y.Left with { OpenScore = R(y.Left.OpenScore) }, y.Right with { OpenScore = R(y.Right.OpenScore) }) : null,
        Image = e.Image is { } i ? new ImageQualityEstimate(R(i.Sharpness), R(i.Brightness), R(i.Exposure)) : null,
        Iso = e.Iso is { } r ? r with { Checks = [.. r.Checks.Select(c => c with { Value = R(c.Value), Min = R(c.Min), Max = R(c.Max) })] } : null,
    };

    private static double R(double value) => Math.Round(value, Decimals);

    private static double? R(double? value) => value is { } v ? Math.Round(v, Decimals) : null;
}
