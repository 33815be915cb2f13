using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Detection.Iso;

/// <summary>Head yaw, pitch and roll within limits (fr_pose's reading), and both eyes open (fr_eye's).</summary>
internal static class PoseChecks
{
    public static IEnumerable<IsoCheck> Of(PoseEstimate? pose, IsoOptions o)
    {
        if (pose is null)
        {
            const string why = "no head pose estimate";
            return
            [
                IsoChecks.Unmeasured("yaw", -o.MaxYaw, o.MaxYaw, why),
                IsoChecks.Unmeasured("pitch", o.MinPitch, o.MaxPitch, why),
                IsoChecks.Unmeasured("roll", -o.MaxRoll, o.MaxRoll, why),
            ];
        }

        return
        [
            IsoChecks.Within("yaw", pose.Yaw, -o.MaxYaw, o.MaxYaw),
            IsoChecks.Within("pitch", pose.Pitch, o.MinPitch, o.MaxPitch),
            IsoChecks.Within("roll", pose.Roll, -o.MaxRoll, o.MaxRoll),
        ];
    }

    /// <summary>The value is the less open eye's score: both must be open.</summary>
    public static IsoCheck EyesOpen(EyesEstimate? eyes, IsoOptions o)
    {
        const string name = "eyesOpen";
        if (eyes is null)
        {
            return IsoChecks.Unmeasured(name, o.MinEyeOpenScore, 1, "no eyes estimate");
        }

        if (eyes.Left.OpenScore is not { } left || eyes.Right.OpenScore is not { } right)
        {
            return IsoChecks.Unmeasured(name, o.MinEyeOpenScore, 1, "an eye could not be judged");
        }

        var least = Math.Min(left, right);
        return IsoChecks.Within(name, least, o.MinEyeOpenScore, 1, least < o.MinEyeOpenScore ? (left <= right ? "left eye closed" : "right eye closed") : null);
    }
}
