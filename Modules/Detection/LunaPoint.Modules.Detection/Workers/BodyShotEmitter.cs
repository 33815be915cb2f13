using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;
using LunaPoint.Modules.Detection.Tracking;
using LunaPoint.Modules.Detection.Webhooks;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>
/// Sends a body best shot like a face's: the track row (kind body) and the webhook outbox row (type
/// <c>bodyBestShot</c>, the crop as the <c>body</c> part) in one transaction, then <see cref="BodyBestShotCaptured"/>.
/// </summary>
internal sealed class BodyShotEmitter(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task EmitAsync(
        TrackInfo track, BodyHeld shot, BestShotKind kind, DateTimeOffset? endedAt, IReadOnlyList<Guid> faceTracks, string? webhookUrl, StreamRuntime runtime, CancellationToken cancellationToken)
    {
        var fact = new BodyBestShotCaptured(
            track.StreamId, track.TrackId, kind, track.StartedAt, shot.CapturedAt, endedAt, shot.FrameWidth, shot.FrameHeight,
            BoxGeometry.ToFaceBox(shot.Box),
            Math.Round(shot.Score, 4), Math.Round(shot.Quality, 4), shot.Jpeg, faceTracks);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DetectionDbContext>();
        var row = await TrackRows.FindOrAddAsync(db, track, TrackKind.Body, cancellationToken);
        var now = clock.GetUtcNow();
        TrackRows.ShotSent(row, track, fact.Quality, now, endedAt);
        if (!string.IsNullOrEmpty(webhookUrl))
        {
            WebhookOutbox.Add(db, track.StreamId, track.TrackId, webhookUrl, WebhookMetadata.Body(fact), [], now, fact.BodyJpeg);
        }

        await db.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(fact, cancellationToken);
        Interlocked.Increment(ref runtime.BodyBestShotsSent);
    }

    public async Task EndAsync(TrackInfo track, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DetectionDbContext>();
        var row = await TrackRows.FindOrAddAsync(db, track, TrackKind.Body, cancellationToken);
        row.EndedAt = endedAt;
        row.Detections = track.Detections;
        await db.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(
            new BodyTrackEnded(track.StreamId, track.TrackId, track.StartedAt, endedAt, row.BestShots), cancellationToken);
    }
}
