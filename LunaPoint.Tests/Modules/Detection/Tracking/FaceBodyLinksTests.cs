using LunaPoint.Modules.Detection.Tracking;
using OpenCvSharp;

namespace LunaPoint.Tests.Modules.Detection.Tracking;

public sealed class FaceBodyLinksTests
{
    private static readonly Guid Face = Guid.NewGuid();

    [Fact]
    public void FaceInTheUpperPartOfABody_BelongsToIt_ButNotWhenAtItsWaist()
    {
        var body = Body(100, 100, 100, 300);
        var links = new FaceBodyLinks();

        links.Vote(Face, new Rect2f(130, 110, 40, 40), [body]);
        links.Vote(Guid.NewGuid(), new Rect2f(130, 280, 40, 40), [body]);

        Assert.Equal(body.Id, links.BodyOf(Face));
        Assert.Equal([Face], links.FacesOf(body.Id));
    }

    [Fact]
    public void FaceJustAboveATightenedBodyBox_StillBelongsToIt_FarAboveDoesNot()
    {
        var body = Body(100, 100, 100, 300);
        var links = new FaceBodyLinks();
        var far = Guid.NewGuid();

        links.Vote(Face, new Rect2f(130, 60, 40, 40), [body]); // centre 80: 20 px (0.07 heights) above
        links.Vote(far, new Rect2f(130, 20, 40, 40), [body]); // centre 40: 0.2 heights above

        Assert.Equal(body.Id, links.BodyOf(Face));
        Assert.Null(links.BodyOf(far));
    }

    [Fact]
    public void OverlappingBodies_TheSmallestHoldingTheFaceWins_AndMostFramesDecide()
    {
        var near = Body(100, 100, 100, 300);
        var group = Body(50, 80, 400, 400);
        var other = Body(300, 100, 100, 300);
        var links = new FaceBodyLinks();
        var face = new Rect2f(130, 110, 40, 40);

        links.Vote(Face, face, [group, near]);
        links.Vote(Face, face, [group, near]);
        links.Vote(Face, new Rect2f(330, 110, 40, 40), [other]);

        Assert.Equal(near.Id, links.BodyOf(Face));
        links.Forget(Face, _ => true);
        Assert.Null(links.BodyOf(Face));
    }

    [Fact]
    public void FacesWhoseTracksEnded_StayTheBodysFaces_UntilTheBodyEnds()
    {
        var body = Body(100, 100, 100, 300);
        var (first, second, live) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var links = new FaceBodyLinks();
        links.Vote(first, new Rect2f(130, 110, 40, 40), [body]);
        links.Vote(second, new Rect2f(130, 115, 40, 40), [body]);
        links.Vote(live, new Rect2f(130, 120, 40, 40), [body]);

        links.Forget(first, id => id == body.Id);
        links.Forget(second, id => id == body.Id);

        Assert.Equal([first, second, live], links.FacesOf(body.Id));
        Assert.Null(links.BodyOf(first));
        links.ForgetBody(body.Id);
        Assert.Equal([live], links.FacesOf(body.Id));
    }

    [Fact]
    public void FaceEndingAfterItsBody_IsNotKept()
    {
        var body = Body(100, 100, 100, 300);
        var links = new FaceBodyLinks();
        links.Vote(Face, new Rect2f(130, 110, 40, 40), [body]);

        links.Forget(Face, _ => false);

        Assert.Empty(links.FacesOf(body.Id));
    }

    private static TrackSnapshot Body(float x, float y, float width, float height) =>
        new(Guid.NewGuid(), new Rect2f(x, y, width, height), null, TimeSpan.Zero, TimeSpan.Zero, 2);
}
