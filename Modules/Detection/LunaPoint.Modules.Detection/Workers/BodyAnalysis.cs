using LunaPoint.Modules.Detection.Bodies;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Tracking;
using LunaPoint.Modules.Detection.Video;
using LunaPoint.Modules.Streams.Contracts;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// One stream run's bodies (<c>settings.bodies</c>, licensed): the body detector on the face detector's
/// frames (same cadence, same ROI), a tracker of their own (the face tracker's logic: boxes are boxes), per
/// body track the best-shot bookkeeping of faces with body sizes, and which face belongs to which body.
/// Off (not asked, or no longer licensed): open body tracks end with their finals and nothing else runs.
/// </summary>
internal sealed class BodyAnalysis(StreamToAnalyse stream, BodyDetector detector, BodyShotEmitter emitter, StreamRuntime runtime, TimeProvider clock) : IDisposable
{
    /// <summary>
    /// Sightings before a body track counts: unlike the face detector at its threshold, a people detector
    /// (HOG above all) fires now and then on a pillar or a shadow for one frame; a person stays.
    /// </summary>
    public const int BodyMinHits = 2;

    private readonly RegionFilter _region = new(stream.Settings.Roi, 0);
    private readonly BestShotBook _book = new(new BestShotPolicy(BodySizes(stream.Settings.BestShot ?? new BestShotSettings())));
    private readonly Dictionary<Guid, BodyLife> _bodies = [];
    private FaceTracker? _tracker;
    private (int Width, int Height) _frameSize;

    public FaceBodyLinks Links { get; } = new();

    /// <summary>The body tracks after the last frame (for linking and the preview).</summary>
    public IReadOnlyList<TrackSnapshot> Active { get; private set; } = [];

    public async Task AnalyseAsync(VideoFrame frame, bool detect, bool enabled, TimeSpan at, CancellationToken cancellationToken)
    {
        if (!enabled || _tracker is null || _frameSize != (frame.Width, frame.Height))
        {
            // Off, or a reconnect brought another resolution: the open tracks end with their finals.
            await FinishAsync(cancellationToken);
            if (!enabled)
            {
                return;
            }

            _frameSize = (frame.Width, frame.Height);
            _tracker = new FaceTracker(frame.Width, frame.Height, FaceAnalysis.LostAfter(stream.Settings), BodyMinHits);
        }

        IReadOnlyList<FaceCandidate>? found = null;
        if (detect)
        {
            var started = clock.GetTimestamp();
            var bodies = await detector.DetectAsync(frame.Image, new BodyDetectOptions(), cancellationToken);
            runtime.BodyDetect.Add(clock.GetElapsedTime(started).TotalMilliseconds);
            found = _region.Apply([.. bodies.Select(b => new FaceCandidate(b.Box, b.Score))], frame.Width, frame.Height);
        }

        var step = _tracker.Update(at, found);
        foreach (var track in step.Active)
        {
            if (!_bodies.TryGetValue(track.Id, out var life))
            {
                _bodies[track.Id] = life = new BodyLife(frame.CapturedAt);
                Interlocked.Increment(ref runtime.BodyTracksStarted);
            }

            if (track.Detection is { } seen)
            {
                life.Detections++;
                await JudgeAsync(frame, track.Id, track.StartedAt, seen, life, at, cancellationToken);
            }
        }

        foreach (var due in _book.DueByTimeout(at))
        {
            if (_bodies.TryGetValue(due, out var life) && life.Held is not null)
            {
                await SendAsync(due, life, BestShotKind.First, null, cancellationToken);
            }
        }

        await EndAsync(step.Ended, cancellationToken);
        Active = step.Active;
        runtime.ActiveBodies = step.Active.Count;
    }

    /// <summary>The body a face track belongs to, with the body's best crop so far; null when none (or it has no crop yet).</summary>
    public BodyShot? ShotOf(Guid faceTrack) =>
        Links.BodyOf(faceTrack) is { } body && _bodies.TryGetValue(body, out var life) && life.Held is { } held
            ? new BodyShot(body, BoxGeometry.ToFaceBox(held.Box), Math.Round(held.Score, 4), held.Jpeg)
            : null;

    /// <summary>A face track ended: it stays among its body's <c>faceTrackIds</c> until that body's track ends.</summary>
    public void FaceEnded(Guid faceTrack) => Links.Forget(faceTrack, _bodies.ContainsKey);

    /// <summary>The run ends: every body track ends with its final.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await EndAsync(_tracker?.EndAll() ?? [], cancellationToken);
        (_tracker, Active) = (null, []);
        runtime.ActiveBodies = 0;
    }

    private async Task JudgeAsync(VideoFrame frame, Guid id, TimeSpan startedAt, FaceCandidate seen, BodyLife life, TimeSpan at, CancellationToken cancellationToken)
    {
        var cut = BoxGeometry.TouchesEdge(seen.Box, frame.Width, frame.Height);
        var quality = _book.Policy.Quality(new ShotMeasure(seen.Score, seen.Box.Height, null, 1, cut));
        var decision = _book.Offer(id, startedAt, at, quality);
        if (decision == ShotDecision.Discard)
        {
            return;
        }

        life.Held?.Dispose();
        life.Held = BodyHeld.Take(frame.Image, seen.Box, seen.Score, quality, frame.CapturedAt);
        if (decision is ShotDecision.EmitFirst or ShotDecision.EmitUpdate)
        {
            await SendAsync(id, life, life.Sent ? BestShotKind.Update : BestShotKind.First, null, cancellationToken);
        }
    }

    private async Task EndAsync(IReadOnlyList<TrackSnapshot> ended, CancellationToken cancellationToken)
    {
        foreach (var track in ended)
        {
            if (!_bodies.Remove(track.Id, out var life))
            {
                continue;
            }

            var endedAt = clock.GetUtcNow();
            if (_book.End(track.Id) && life.Held is not null)
            {
                await SendAsync(track.Id, life, BestShotKind.Final, endedAt, cancellationToken);
            }

            await emitter.EndAsync(new TrackInfo(stream.Id, track.Id, life.StartedAt, life.Detections), endedAt, cancellationToken);
            Links.ForgetBody(track.Id);
            life.Held?.Dispose();
        }
    }

    private async Task SendAsync(Guid id, BodyLife life, BestShotKind kind, DateTimeOffset? endedAt, CancellationToken cancellationToken)
    {
        await emitter.EmitAsync(new TrackInfo(stream.Id, id, life.StartedAt, life.Detections), life.Held!, kind, endedAt, Links.FacesOf(id), stream.Settings.WebhookUrl, runtime, cancellationToken);
        life.Sent = true;
    }

    /// <summary>
    /// The face best-shot sizes scaled to bodies: a standing person is about seven heads tall, but a body
    /// half that tall already shows clothes and build; a third of the frame's width is not needed.
    /// </summary>
    private static BestShotSettings BodySizes(BestShotSettings faces) => faces with { MinSize = faces.MinSize * 2, ProperSize = faces.ProperSize * 3 };

    public void Dispose()
    {
        foreach (var life in _bodies.Values)
        {
            life.Held?.Dispose();
        }

        _bodies.Clear();
    }

    private sealed class BodyLife(DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt => startedAt;
        public int Detections;
        public bool Sent;
        public BodyHeld? Held;
    }
}
