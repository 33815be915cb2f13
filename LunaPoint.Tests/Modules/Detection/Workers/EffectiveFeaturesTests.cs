using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Workers;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Tests.Modules.Detection.Workers;

public sealed class EffectiveFeaturesTests
{
    private static readonly StreamSettings AskingForAll = new() { Liveness = true, Bodies = true, IsoChecks = true, Attributes = true };

    [Fact]
    public void LicenceWithEveryFeature_GivesEverythingAsked()
    {
        var features = EffectiveFeatures.Of(AskingForAll, Licence(liveness: true, bodies: true, iso: true));

        Assert.Equal(FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes | FaceEstimateKinds.Attributes | FaceEstimateKinds.Liveness | FaceEstimateKinds.Iso, features.Estimates);
        Assert.True(features.Bodies);
        Assert.Empty(features.Denied);
    }

    [Fact]
    public void LicenceWithout_LeavesOutLivenessIsoAndBodies_AndNamesThem_ButKeepsTheUnlicensedEstimates()
    {
        var features = EffectiveFeatures.Of(AskingForAll, Licence(liveness: false, bodies: false, iso: false));

        Assert.Equal(FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes | FaceEstimateKinds.Attributes, features.Estimates);
        Assert.False(features.Bodies);
        Assert.Equal(["liveness", "isoChecks", "bodies"], features.Denied);
    }

    [Fact]
    public void SettingsAskingForNothing_GetPoseAndEyesOnly_WhateverTheLicence()
    {
        var features = EffectiveFeatures.Of(new StreamSettings(), Licence(liveness: true, bodies: true, iso: true));

        Assert.Equal(FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes, features.Estimates);
        Assert.False(features.Bodies);
        Assert.Empty(features.Denied);
    }

    [Fact]
    public void AnExpiredLicence_GivesNoLicensedFeature_WhateverItsFlagsSay()
    {
        var features = EffectiveFeatures.Of(AskingForAll, Licence(liveness: true, bodies: true, iso: true) with { IsExpired = true });

        Assert.Equal(FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes | FaceEstimateKinds.Attributes, features.Estimates);
        Assert.False(features.Bodies);
        Assert.Equal(["liveness", "isoChecks", "bodies"], features.Denied);
    }

    private static LicenseLimits Licence(bool liveness, bool bodies, bool iso) => new("Test", false, null, false, 4, 1000, liveness, bodies, iso, false);
}
