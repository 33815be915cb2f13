using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Tracking;
using LunaPoint.Modules.Detection.Video;
using LunaPoint.Modules.Streams.Contracts;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// One stream run's analysis of its frames: the detector every detectorStep-th frame, the tracker on
/// every frame, and per track the best-shot bookkeeping with the held view; the bodies (when on and
/// licensed) on the same frames, and each sent best shot's estimates and body. Owned by one loop.
/// </summary>
internal sealed partial class FaceAnalysis(
    StreamToAnalyse stream, FaceEngine engine, BestShotEmitter emitter, BestShotEstimates estimates, StreamFeatures features, BodyAnalysis bodies,
    StreamRuntime runtime, TimeProvider clock) : IDisposable
{
    private readonly StreamSettings _settings = stream.Settings;
    private readonly RegionFilter _region = new(stream.Settings.Roi, stream.Settings.MinFaceSize);
    private readonly BestShotBook _book = new(new BestShotPolicy(stream.Settings.BestShot ?? new BestShotSettings()));
    private readonly Dictionary<Guid, TrackLife> _tracks = [];
    private readonly long _startedAt = clock.GetTimestamp();
    private FaceTracker? _tracker;
    private long _analysed;
    private (int Width, int Height) _frameSize;

    /// <summary>What the preview draws: the active tracks' boxes after the last frame.</summary>
    public IReadOnlyList<TrackSnapshot> Active { get; private set; } = [];

    public RegionFilter Region => _region;

    /// <summary>The body tracks after the last frame (empty when bodies are off).</summary>
    public IReadOnlyList<TrackSnapshot> Bodies => bodies.Active;

    public async Task AnalyseAsync(VideoFrame frame, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        if (_tracker is null || _frameSize != (frame.Width, frame.Height))
        {
            // A reconnect may bring another resolution: the old tracks' boxes mean nothing in it.
            await EndTracksAsync(_tracker?.EndAll() ?? [], cancellationToken);
            _frameSize = (frame.Width, frame.Height);
            _tracker = new FaceTracker(frame.Width, frame.Height, LostAfter(_settings));
            runtime.FrameWidth = frame.Width;
            runtime.FrameHeight = frame.Height;
        }

        var at = StreamTime(frame);
        IReadOnlyList<FaceCandidate>? detections = null;
        IReadOnlyList<FaceCandidate> found = [];
        var detect = _analysed++ % Math.Max(1, _settings.DetectorStep) == 0;
        if (detect)
        {
            // A licence swap reaches this stream here and at its next best shot (the answer is cached).
            await features.RefreshAsync(cancellationToken);
            var detectStarted = clock.GetTimestamp();
            found = await engine.DetectAsync(frame.Image, new DetectOptions((float)_settings.DetectionThreshold, _settings.MinFaceSize), cancellationToken);
            runtime.Detect.Add(clock.GetElapsedTime(detectStarted).TotalMilliseconds);
            Interlocked.Increment(ref runtime.DetectorRuns);
            detections = _region.Apply(found, frame.Width, frame.Height);
        }

        await bodies.AnalyseAsync(frame, detect, features.Current.Bodies, at, cancellationToken);
        var step = _tracker.Update(at, detections);
        foreach (var track in step.Active)
        {
            if (!_tracks.TryGetValue(track.Id, out var life))
            {
                life = new TrackLife(frame.CapturedAt);
                _tracks[track.Id] = life;
                Interlocked.Increment(ref runtime.TracksStarted);
            }

            if (track.Detection is not null)
            {
                life.Detections++;
                bodies.Links.Vote(track.Id, track.Detection.Box, bodies.Active);
                await JudgeAsync(frame, track, life, at, found, cancellationToken);
            }
        }

        foreach (var due in _book.DueByTimeout(at))
        {
            if (_tracks.TryGetValue(due, out var life) && life.Held is not null)
            {
                await SendAsync(due, life, BestShotKind.First, null, cancellationToken);
            }
        }

        await EndTracksAsync(step.Ended, cancellationToken);
        Active = step.Active;
        runtime.ActiveTracks = step.Active.Count;
        Interlocked.Increment(ref runtime.FramesAnalysed);
        runtime.Analysed.Mark();
        runtime.Frame.Add(clock.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The run ends (source finished, stream stopped): every track ends and sends its final shot.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await EndTracksAsync(_tracker?.EndAll() ?? [], cancellationToken);
        Active = [];
        runtime.ActiveTracks = 0;
        await bodies.FinishAsync(cancellationToken);
    }

    private async Task JudgeAsync(VideoFrame frame, TrackSnapshot track, TrackLife life, TimeSpan at, IReadOnlyList<FaceCandidate> found, CancellationToken cancellationToken)
    {
        var box = track.Detection!.Box;
        var size = Math.Max(box.Width, box.Height);
        var cutByEdge = BoxGeometry.TouchesEdge(box, frame.Width, frame.Height);
        var policy = _book.Policy;
        // The policy's hard rules (too small, cut by the edge) first: they need neither sharpness nor pose.
        if (policy.Quality(new ShotMeasure(track.Detection.Score, size, null, 1, cutByEdge)) == 0)
        {
            return;
        }

        var sharpness = FaceEngine.Sharpness(frame.Image, box);
        // Pose costs a model run: skip it when even a frontal pose could not beat the view held.
        if (life.Held is { } held && policy.Quality(new ShotMeasure(track.Detection.Score, size, null, sharpness, cutByEdge)) <= held.Quality)
        {
            return;
        }

        var measureStarted = clock.GetTimestamp();
        var pose = await engine.PoseAsync(frame.Image, box, cancellationToken);
        var quality = policy.Quality(new ShotMeasure(track.Detection.Score, size, pose, sharpness, cutByEdge));
        var decision = _book.Offer(track.Id, track.StartedAt, at, quality);
        if (decision == ShotDecision.Discard)
        {
            return;
        }

        var landmarks = await engine.LandmarksAsync(frame.Image, box, cancellationToken);
        var aligned = engine.Align(frame.Image, landmarks);
        runtime.Landmarks.Add(clock.GetElapsedTime(measureStarted).TotalMilliseconds);
        life.Held?.Dispose();
        var (context, origin) = HeldShot.CropContext(frame.Image, box);
        var crop = new Rect2f(origin.X, origin.Y, context.Width, context.Height);
        var facesAround = found.Where(f => BoxGeometry.IoU(f.Box, crop) > 0).Select(f => f.Box).ToArray();
        life.Held = new HeldShot(aligned, context, origin, box, landmarks.Points5, quality, frame.CapturedAt, frame.Width, frame.Height, facesAround);
        if (decision is ShotDecision.EmitFirst or ShotDecision.EmitUpdate)
        {
            await SendAsync(track.Id, life, life.Sent ? BestShotKind.Update : BestShotKind.First, null, cancellationToken);
        }
    }

    private async Task EndTracksAsync(IReadOnlyList<TrackSnapshot> ended, CancellationToken cancellationToken)
    {
        foreach (var track in ended)
        {
            if (!_tracks.Remove(track.Id, out var life))
            {
                continue;
            }

            var endedAt = clock.GetUtcNow();
            if (_book.End(track.Id) && life.Held is not null)
            {
                await SendAsync(track.Id, life, BestShotKind.Final, endedAt, cancellationToken);
            }

            await emitter.EndAsync(new TrackInfo(stream.Id, track.Id, life.StartedAt, life.Detections), endedAt, bodies.Links.BodyOf(track.Id), cancellationToken);
            bodies.FaceEnded(track.Id);
            life.Held?.Dispose();
        }
    }

    private async Task SendAsync(Guid trackId, TrackLife life, BestShotKind kind, DateTimeOffset? endedAt, CancellationToken cancellationToken)
    {
        var wanted = (await features.RefreshAsync(cancellationToken)).Estimates;
        var extras = new ShotExtras(await estimates.EstimateAsync(stream.Id, life.Held!, wanted, runtime, cancellationToken), bodies.ShotOf(trackId));
        await emitter.EmitAsync(new TrackInfo(stream.Id, trackId, life.StartedAt, life.Detections), life.Held!, kind, endedAt, extras, _settings.WebhookUrl, runtime, cancellationToken);
        if (!life.Sent)
        {
            life.Sent = true;
            runtime.FirstBestShot.Add((clock.GetUtcNow() - life.StartedAt).TotalMilliseconds);
        }
    }

    /// <summary>
    /// trackLostMs, but never less than one and a half detector intervals: between two detector runs no
    /// track can be seen, so a shorter limit would end every track between detections.
    /// </summary>
    public static TimeSpan LostAfter(StreamSettings settings) => TimeSpan.FromMilliseconds(Math.Max(
        settings.TrackLostMs, 1500.0 * Math.Max(1, settings.DetectorStep) / Math.Max(0.1, settings.MaxAnalysisFps)));

    /// <summary>Media time for batch files (so tracking does not depend on how fast we analyse), elapsed wall time otherwise.</summary>
    private TimeSpan StreamTime(VideoFrame frame) =>
        _settings.Batch && frame.MediaTime is { } media ? media : clock.GetElapsedTime(_startedAt);
}
