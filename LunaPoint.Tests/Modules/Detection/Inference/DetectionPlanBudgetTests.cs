using LunaPoint.Modules.Detection.Inference;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>One photo's detector work is bounded: past the window budget the smallest face looked for grows instead.</summary>
public sealed class DetectionPlanBudgetTests
{
    [Theory]
    [InlineData(7000, 7000)]
    [InlineData(6000, 6000)]
    [InlineData(262144, 190)]
    [InlineData(190, 262144)]
    [InlineData(6000, 5400)]
    public void LargeOrThinPhoto_StaysWithinTheBudget_ByLookingForLargerFaces(int width, int height)
    {
        Assert.True(DetectionPlan.For(width, height, 40).Count > 64, "the photo would cost more than the budget at 40 px");

        var minFace = DetectionPlan.EffectiveMinFace(width, height, 40, 64);

        Assert.True(minFace > 40, $"{minFace}");
        Assert.InRange(DetectionPlan.For(width, height, minFace).Count, 1, 64);
        // The smallest such size, up to the 25% steps: a fifth smaller would not fit.
        Assert.True(DetectionPlan.For(width, height, (int)(minFace / 1.25) - 1).Count > 64 || minFace / 1.25 - 1 < 40);
    }

    [Theory]
    [InlineData(640, 480, 40)]
    [InlineData(1920, 1080, 40)]
    [InlineData(1920, 1080, 20)]
    public void PhotoWithinTheBudget_KeepsTheSetting(int width, int height, int minFaceSize)
    {
        Assert.InRange(DetectionPlan.For(width, height, minFaceSize).Count, 1, 64);

        Assert.Equal(minFaceSize, DetectionPlan.EffectiveMinFace(width, height, minFaceSize, 64));
    }

    [Fact]
    public void BudgetOfOneWindow_LeavesTheWholeFramePassAlone() =>
        Assert.Single(DetectionPlan.For(4000, 3000, DetectionPlan.EffectiveMinFace(4000, 3000, 40, 1)));
}
