using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// What a stream's best shots get under the licence in force: pose, eyes and the image measure always
/// (cheap), attributes when asked, liveness, ISO checks and bodies when asked AND licensed by a licence in force (not expired).
/// </summary>
/// <param name="Denied">The settings asked for but not licensed (camelCase setting names), empty when none.</param>
internal sealed record EffectiveFeatures(FaceEstimateKinds Estimates, bool Bodies, IReadOnlyList<string> Denied)
{
    public static EffectiveFeatures Of(StreamSettings settings, LicenseLimits licence)
    {
        var kinds = FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes;
        var denied = new List<string>();
        if (settings.Attributes)
        {
            kinds |= FaceEstimateKinds.Attributes;
        }

        if (settings.Liveness)
        {
            kinds |= licence.LivenessUsable ? FaceEstimateKinds.Liveness : Deny(denied, "liveness");
        }

        if (settings.IsoChecks)
        {
            kinds |= licence.IsoChecksUsable ? FaceEstimateKinds.Iso : Deny(denied, "isoChecks");
        }

        var bodies = settings.Bodies && licence.BodiesUsable;
        if (settings.Bodies && !licence.BodiesUsable)
        {
            denied.Add("bodies");
        }

        return new EffectiveFeatures(kinds, bodies, denied);
    }

    private static FaceEstimateKinds Deny(List<string> denied, string setting)
    {
        denied.Add(setting);
        return FaceEstimateKinds.None;
    }
}
