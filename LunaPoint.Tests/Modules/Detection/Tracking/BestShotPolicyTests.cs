using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Tracking;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Tests.Modules.Detection.Tracking;

/// <summary>The quality formula: hard limits give 0, the soft factors rank views.</summary>
public sealed class BestShotPolicyTests
{
    // minSize 60, properSize 120, maxYaw 35, maxPitch 25.
    private readonly BestShotPolicy _policy = new(new BestShotSettings());

    private double Quality(float size = 120, float score = 1, HeadPose? pose = null, double sharpness = 1) =>
        _policy.Quality(new ShotMeasure(score, size, pose, sharpness));

    [Fact]
    public void FrontalSharpFaceAtProperSize_HasFullMarks() =>
        Assert.Equal(1, Quality(pose: new HeadPose(0, 0, 0)), 6);

    [Fact]
    public void FaceBelowMinSize_IsZero_AndAtMinSizeIsHalfOfProperSize()
    {
        Assert.Equal(0, Quality(size: 59.9f));
        Assert.Equal(0.5, Quality(size: 60), 6);
        Assert.Equal(Quality(size: 120), Quality(size: 400), 6);
    }

    [Theory]
    [InlineData(35.1f, 0f)]
    [InlineData(-36f, 0f)]
    [InlineData(0f, 25.5f)]
    [InlineData(0f, -30f)]
    [InlineData(float.NaN, 0f)]
    public void PoseOutsideTheLimits_IsZero(float yaw, float pitch) =>
        Assert.Equal(0, Quality(pose: new HeadPose(yaw, pitch, 0)));

    [Fact]
    public void Pose_LowersQualityTowardsTheLimits_AndUnmeasuredIsNeutral()
    {
        Assert.Equal(Quality(pose: new HeadPose(0, 0, 40)), Quality(pose: null), 6);
        Assert.True(Quality(pose: new HeadPose(10, 0, 0)) > Quality(pose: new HeadPose(25, 0, 0)));
        Assert.Equal(0.5, Quality(pose: new HeadPose(-35, 0, 0)), 6);
        Assert.Equal(0.25, Quality(pose: new HeadPose(35, 25, 0)), 6);
    }

    [Fact]
    public void ScoreAndSharpness_OnlyNudge()
    {
        Assert.Equal(0.5 + (0.5 * 0.7), Quality(score: 0.7f), 6);
        Assert.Equal(0.7, Quality(sharpness: 0), 6);
        Assert.Equal(0, Quality(score: float.NaN));
        Assert.Equal(0, Quality(sharpness: double.NaN));
    }

    [Fact]
    public void GoodEnough_IsReachedByAFrontalFaceAtProperSize_NotByASmallOne()
    {
        Assert.True(Quality(score: 0.8f, sharpness: 0) >= BestShotPolicy.GoodEnough);
        Assert.True(Quality(size: 0.59f * 120) < BestShotPolicy.GoodEnough);
        Assert.True(Quality(pose: new HeadPose(33, 0, 0), score: 0.9f, sharpness: 0.5) < BestShotPolicy.GoodEnough);
    }
}
