using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Tracking;
using static LunaPoint.Tests.Modules.Detection.Tracking.TrackerScenes;

namespace LunaPoint.Tests.Modules.Detection.Tracking;

/// <summary>The tracker on synthetic box sequences: identity across skipped frames, crossings, gaps and exits.</summary>
public sealed class FaceTrackerTests
{
    [Fact]
    public void ConstantMotion_WithDetectorOnEveryFifthFrame_KeepsOneIdAndPredictsBetween()
    {
        var tracker = Tracker();
        var steps = new List<TrackerStep>();
        for (var f = 0; f < 60; f++)
        {
            // 100 px/s to the right; the detector runs on every 5th frame only.
            var truth = Face(100 + (10 * f), 300);
            var step = tracker.Update(Frame(f), f % 5 == 0 ? [truth] : null);
            steps.Add(step);
            var track = Assert.Single(step.Active);
            Assert.Empty(step.Ended);
            if (f >= 10)
            {
                // Once the velocity is known, predictions on skipped frames follow the face.
                Assert.InRange(CentreX(track.Box) - CentreX(truth.Box), -3f, 3f);
            }

            Assert.Equal(f % 5 == 0, track.Detection is not null);
        }

        Assert.Single(Ids(steps));
        Assert.Equal(12, steps[^1].Active[0].Hits);
    }

    [Fact]
    public void TwoCrossingFaces_KeepTheirOwnIds()
    {
        var tracker = Tracker();
        var idsOfA = new HashSet<Guid>();
        var idsOfB = new HashSet<Guid>();
        for (var f = 0; f < 40; f += 2)
        {
            // A walks right, B walks left, 300 px/s each, 40 px apart vertically: their boxes overlap as they pass.
            var a = Face(200 + (30 * f), 300);
            var b = Face(1000 - (30 * f), 340);
            var step = tracker.Update(Frame(f), [a, b]);
            Assert.Equal(2, step.Active.Count);
            idsOfA.Add(step.Active.Single(t => ReferenceEquals(t.Detection, a)).Id);
            idsOfB.Add(step.Active.Single(t => ReferenceEquals(t.Detection, b)).Id);
        }

        Assert.Single(idsOfA);
        Assert.Single(idsOfB);
        Assert.NotEqual(idsOfA.Single(), idsOfB.Single());
    }

    [Fact]
    public void FaceLostForLessThanLostAfter_KeepsItsId()
    {
        var tracker = Tracker();
        var steps = new List<TrackerStep>();
        for (var f = 0; f <= 20; f++)
        {
            // Hidden from 0.6 s to 1.4 s (0.8 s, under the 1 s lostAfter); the detector runs on every frame.
            IReadOnlyList<FaceCandidate> seen = f is > 5 and < 14 ? [] : [Face(600, 300)];
            steps.Add(tracker.Update(Frame(f), seen));
        }

        Assert.Single(Ids(steps));
        Assert.All(steps, s => Assert.Empty(s.Ended));
    }

    [Fact]
    public void FaceLostForLongerThanLostAfter_EndsOnce_AndComesBackWithANewId()
    {
        var tracker = Tracker();
        var steps = new List<TrackerStep>();
        for (var f = 0; f <= 30; f++)
        {
            // Hidden from 0.6 s to 2.2 s: 1.6 s unseen.
            IReadOnlyList<FaceCandidate> seen = f is > 5 and < 22 ? [] : [Face(600, 300)];
            steps.Add(tracker.Update(Frame(f), seen));
        }

        var ended = Assert.Single(steps.SelectMany(s => s.Ended));
        var endedAt = steps.FindIndex(s => s.Ended.Count > 0);
        Assert.Equal(16, endedAt); // first frame more than 1 s after the last sighting at frame 5
        Assert.Equal(Frame(5), ended.LastSeenAt);
        var ids = Ids(steps).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ended.Id, ids[0]);
        Assert.Equal(ids[1], Assert.Single(steps[^1].Active).Id);
    }

    [Fact]
    public void SkippedFrames_NeverEndATrack_OnlyTimeDoes()
    {
        var tracker = Tracker();
        tracker.Update(Frame(0), [Face(600, 300)]);
        for (var f = 1; f <= 10; f++)
        {
            var step = tracker.Update(Frame(f), null);
            Assert.Single(step.Active);
            Assert.Empty(step.Ended);
        }

        var late = tracker.Update(Frame(11), null);
        Assert.Empty(late.Active);
        Assert.Single(late.Ended);
        Assert.Empty(tracker.Update(Frame(12), null).Ended);
        Assert.Empty(tracker.EndAll());
    }

    [Fact]
    public void FaceLeavingTheFrame_EndsBeforeLostAfter()
    {
        var tracker = Tracker();
        var steps = new List<TrackerStep>();
        for (var f = 0; f < 30; f++)
        {
            // 400 px/s to the right; the detector sees the face only while all of it is in the frame.
            var truth = Face(900 + (40 * f), 300);
            IReadOnlyList<FaceCandidate> seen = truth.Box.X + truth.Box.Width <= Width ? [truth] : [];
            steps.Add(tracker.Update(Frame(f), seen));
        }

        var ended = Assert.Single(steps.SelectMany(s => s.Ended));
        var endedAt = Frame(steps.FindIndex(s => s.Ended.Count > 0));
        Assert.True(endedAt - ended.LastSeenAt < LostAfter, $"ended {endedAt - ended.LastSeenAt} after the last sighting");
        Assert.Single(Ids(steps));
    }

    [Fact]
    public void JumpBeyondAnyOverlap_ConsistentWithVelocity_KeepsTheId()
    {
        var tracker = Tracker();
        var steps = new List<TrackerStep>();
        for (var f = 0; f <= 40; f++)
        {
            // 60 px face at 240 px/s, detected every 0.5 s: 120 px (2 widths) between detections, no overlap.
            var truth = Face(50 + (24 * f), 300, size: 60);
            steps.Add(tracker.Update(Frame(f), f % 5 == 0 ? [truth] : null));
        }

        Assert.Single(Ids(steps));
        Assert.All(steps, s => Assert.Empty(s.Ended));
    }

    [Fact]
    public void FaceAppearingFarFromATrack_StartsItsOwn()
    {
        var tracker = Tracker();
        var first = Assert.Single(tracker.Update(Frame(0), [Face(100, 300)]).Active).Id;

        var step = tracker.Update(Frame(5), [Face(1000, 300)]);

        Assert.Equal(2, step.Active.Count);
        Assert.DoesNotContain(first, step.Active.Where(t => t.Detection is not null).Select(t => t.Id));
    }

    [Fact]
    public void EndAll_EndsEveryTrackOnce()
    {
        var tracker = Tracker();
        var started = tracker.Update(Frame(0), [Face(100, 100), Face(800, 400)]).Active.Select(t => t.Id).ToHashSet();

        var ended = tracker.EndAll();

        Assert.Equal(started, ended.Select(t => t.Id).ToHashSet());
        var after = tracker.Update(Frame(1), null);
        Assert.Empty(after.Active);
        Assert.Empty(after.Ended);
        Assert.Empty(tracker.EndAll());
    }

    [Fact]
    public void WithMinHitsTwo_ATrackIsReportedFromItsSecondSighting_AndAOneOffIsDroppedSilently()
    {
        var tracker = Tracker(minHits: 2);

        Assert.Empty(tracker.Update(Frame(0), [Face(100, 100), Face(800, 400)]).Active);
        var second = tracker.Update(Frame(1), [Face(100, 100)]);

        Assert.Single(second.Active);
        Assert.Empty(second.Ended);
        Assert.Single(tracker.EndAll());
    }

    [Fact]
    public void TinyFacesAndFacesAnywhere_AreTracked_FilteringIsTheCallersJob()
    {
        var tracker = Tracker();

        var step = tracker.Update(Frame(0), [Face(0, 0, size: 8, score: 0.1f), Face(1270, 710, size: 9)]);

        Assert.Equal(2, step.Active.Count);
    }
}
