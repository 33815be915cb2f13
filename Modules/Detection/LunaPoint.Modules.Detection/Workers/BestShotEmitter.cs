using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Tracking;
using LunaPoint.Modules.Detection.Webhooks;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>What goes on a face best shot beside the face: its estimates and the body it was seen inside.</summary>
internal sealed record ShotExtras(FaceEstimates? Estimates, BodyShot? Body);

/// <summary>
/// Sends a best shot: the descriptor of the aligned face (only now, never per frame), the two JPEGs, the
/// track row and the webhook outbox row in one transaction, then the <see cref="FaceBestShotCaptured"/>
/// fact. The fact goes out after the commit; a subscriber's failure does not undo the shot.
/// </summary>
internal sealed class BestShotEmitter(FaceEngine engine, IServiceScopeFactory scopes, TimeProvider clock)
{
    internal static readonly int[] JpegQuality = [(int)ImwriteFlags.JpegQuality, 90];

    public async Task<FaceBestShotCaptured> EmitAsync(
        TrackInfo track, HeldShot shot, BestShotKind kind, DateTimeOffset? endedAt, ShotExtras extras, string? webhookUrl, StreamRuntime runtime, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var descriptor = await engine.DescribeAsync(shot.Aligned, cancellationToken);
        runtime.Descriptor.Add(clock.GetElapsedTime(started).TotalMilliseconds);
        var fact = new FaceBestShotCaptured(
            track.StreamId, track.TrackId, kind, track.StartedAt, shot.CapturedAt, endedAt, shot.FrameWidth, shot.FrameHeight,
            BoxGeometry.ToFaceBox(shot.Box),
            shot.Landmarks.Select(p => new FacePoint(p.X, p.Y)).ToList(),
            descriptor, FaceEngine.DescriptorModel, Math.Round(shot.Quality, 4),
            shot.Aligned.ImEncode(".jpg", JpegQuality), shot.Context.ImEncode(".jpg", JpegQuality))
        {
            Estimates = extras.Estimates,
            Body = extras.Body,
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DetectionDbContext>();
        var row = await TrackRows.FindOrAddAsync(db, track, TrackKind.Face, cancellationToken);
        var now = clock.GetUtcNow();
        TrackRows.ShotSent(row, track, fact.Quality, now, endedAt);
        row.EstimatesJson = WebhookMetadata.Estimates(fact.Estimates) ?? row.EstimatesJson;
        row.BodyTrackId = fact.Body?.TrackId ?? row.BodyTrackId;
        if (!string.IsNullOrEmpty(webhookUrl))
        {
            WebhookOutbox.Add(db, track.StreamId, track.TrackId, webhookUrl, WebhookMetadata.Face(fact), fact.FaceJpeg, now, fact.Body?.Jpeg);
        }

        await db.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(fact, cancellationToken);
        Interlocked.Increment(ref runtime.BestShotsSent);
        return fact;
    }

    /// <summary>Closes a track's row (created here when it never had a best shot) and publishes the end.</summary>
    public async Task EndAsync(TrackInfo track, DateTimeOffset endedAt, Guid? bodyTrackId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DetectionDbContext>();
        var row = await TrackRows.FindOrAddAsync(db, track, TrackKind.Face, cancellationToken);
        row.EndedAt = endedAt;
        row.Detections = track.Detections;
        row.BodyTrackId = bodyTrackId ?? row.BodyTrackId;
        await db.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(
            new FaceTrackEnded(track.StreamId, track.TrackId, track.StartedAt, endedAt, row.BestShots), cancellationToken);
    }
}
