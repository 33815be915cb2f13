using LunaPoint.Modules.Detection.Tracking;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Tests.Modules.Detection.Tracking;

/// <summary>The book's rules: first as soon as good enough or at the timeout, updates clearly better and rate-limited, a final whenever a view is held.</summary>
public sealed class BestShotBookTests
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(2000);

    private readonly BestShotBook _book = new(new BestShotPolicy(new BestShotSettings(TimeoutMs: 2000)));
    private readonly Guid _track = Guid.CreateVersion7();

    private ShotDecision Offer(double seconds, double quality) => _book.Offer(_track, Start, Start + TimeSpan.FromSeconds(seconds), quality);

    [Fact]
    public void QualityZero_IsNeverHeld()
    {
        Assert.Equal(ShotDecision.Discard, Offer(0, 0));
        Assert.Equal(ShotDecision.Discard, Offer(0.1, double.NaN));
        Assert.Empty(_book.DueByTimeout(Start + Timeout));
        Assert.False(_book.End(_track));
    }

    [Fact]
    public void GoodEnoughView_IsSentAtOnce()
    {
        Assert.Equal(ShotDecision.EmitFirst, Offer(0, BestShotPolicy.GoodEnough));
        Assert.Empty(_book.DueByTimeout(Start + Timeout));
        Assert.True(_book.End(_track));
    }

    [Fact]
    public void WeakerViews_AreHeldWhileBetter_AndDiscardedOtherwise()
    {
        Assert.Equal(ShotDecision.Hold, Offer(0, 0.3));
        Assert.Equal(ShotDecision.Hold, Offer(0.1, 0.4));
        Assert.Equal(ShotDecision.Discard, Offer(0.2, 0.4));
        Assert.Equal(ShotDecision.Discard, Offer(0.3, 0.35));
    }

    [Fact]
    public void FinalIsDue_AfterNothingWasSent()
    {
        Offer(0, 0.3);

        Assert.True(_book.End(_track));
        Assert.False(_book.End(_track));
    }

    [Fact]
    public void Timeout_SendsTheHeldViewExactlyAtTheEdge_Once()
    {
        Offer(0, 0.3);

        Assert.Empty(_book.DueByTimeout(Start + Timeout - TimeSpan.FromTicks(1)));
        Assert.Equal(new[] { _track }, _book.DueByTimeout(Start + Timeout));
        Assert.Empty(_book.DueByTimeout(Start + Timeout + TimeSpan.FromSeconds(5)));
        Assert.True(_book.End(_track));
    }

    [Fact]
    public void BetterViewAfterTheTimeout_IsSentAsTheFirst()
    {
        Offer(0, 0.3);

        Assert.Equal(ShotDecision.Hold, Offer(1.9, 0.35));
        Assert.Equal(ShotDecision.EmitFirst, Offer(2.0, 0.4));
        Assert.Empty(_book.DueByTimeout(Start + Timeout));
    }

    [Fact]
    public void Update_NeedsAClearlyBetterView_AndWaitsForTheRateLimit()
    {
        Assert.Equal(ShotDecision.EmitFirst, Offer(0, 0.65));

        Assert.Equal(ShotDecision.Hold, Offer(0.5, 0.8)); // clearly better, but within a second of the first
        Assert.Equal(ShotDecision.EmitUpdate, Offer(1.0, 0.85)); // exactly a second later
        Assert.Equal(ShotDecision.Hold, Offer(3.0, 0.94)); // better, not clearly better than 0.85
        Assert.Equal(ShotDecision.Discard, Offer(3.5, 0.9));
        Assert.Equal(ShotDecision.EmitUpdate, Offer(4.0, 0.96));
    }

    [Fact]
    public void FinalIsDue_EvenWhenTheHeldViewWasAlreadySent()
    {
        Offer(0, 0.9);

        Assert.True(_book.End(_track));
    }

    [Fact]
    public void EndOfAnUnknownTrack_IsFalse() => Assert.False(_book.End(Guid.CreateVersion7()));

    [Fact]
    public void TracksAreKeptApart()
    {
        var other = Guid.CreateVersion7();
        Offer(0, 0.9);

        Assert.Equal(ShotDecision.Hold, _book.Offer(other, Start, Start, 0.3));
        Assert.Equal(new[] { other }, _book.DueByTimeout(Start + Timeout));
        Assert.Equal(2, _book.Count);
    }
}
