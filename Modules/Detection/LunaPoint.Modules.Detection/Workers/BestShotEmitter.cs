using System.Text.Json;
using LunaPoint.Modules.Detection.Contracts;
using LunaPoint.Modules.Detection.Data;
using LunaPoint.Modules.Detection.Domain;
using LunaPoint.Modules.Detection.Inference;
using LunaPoint.Modules.Detection.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Workers;

/// <summary>What the emitter needs to know about the track a shot belongs to.</summary>
internal sealed record TrackInfo(Guid StreamId, Guid TrackId, DateTimeOffset StartedAt, int Detections);

/// <summary>
/// Sends a best shot: the descriptor of the aligned face (only now, never per frame), the two JPEGs, the
/// track row and the webhook outbox row in one transaction, then the <see cref="FaceBestShotCaptured"/>
/// fact. The fact goes out after the commit; a subscriber's failure does not undo the shot.
/// </summary>
internal sealed class BestShotEmitter(FaceEngine engine, IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly int[] JpegQuality = [(int)ImwriteFlags.JpegQuality, 90];

    public async Task<FaceBestShotCaptured> EmitAsync(
        TrackInfo track, HeldShot shot, BestShotKind kind, DateTimeOffset? endedAt, string? webhookUrl, StreamRuntime runtime, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var descriptor = await engine.DescribeAsync(shot.Aligned, cancellationToken);
        runtime.Descriptor.Add(clock.GetElapsedTime(started).TotalMilliseconds);
        var fact = new FaceBestShotCaptured(
            track.StreamId, track.TrackId, kind, track.StartedAt, shot.CapturedAt, endedAt, shot.FrameWidth, shot.FrameHeight,
            new FaceBox((int)shot.Box.X, (int)shot.Box.Y, (int)shot.Box.Width, (int)shot.Box.Height),
            shot.Landmarks.Select(p => new FacePoint(p.X, p.Y)).ToList(),
            descriptor, FaceEngine.DescriptorModel, Math.Round(shot.Quality, 4),
            shot.Aligned.ImEncode(".jpg", JpegQuality), shot.Context.ImEncode(".jpg", JpegQuality));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DetectionDbContext>();
        var row = await db.Tracks.FirstOrDefaultAsync(t => t.Id == track.TrackId, cancellationToken);
        if (row is null)
        {
            row = new Track { Id = track.TrackId, StreamId = track.StreamId, Kind = TrackKind.Face, StartedAt = track.StartedAt };
            db.Tracks.Add(row);
        }

        var now = clock.GetUtcNow();
        row.FirstBestShotAt ??= now;
        row.BestShotAt = now;
        row.BestShotQuality = fact.Quality;
        row.BestShots++;
        row.Detections = track.Detections;
        row.EndedAt = endedAt ?? row.EndedAt;
        if (!string.IsNullOrEmpty(webhookUrl))
        {
            WebhookOutbox.Add(db, track.StreamId, track.TrackId, webhookUrl, Metadata(fact), fact.FaceJpeg, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(fact, cancellationToken);
        Interlocked.Increment(ref runtime.BestShotsSent);
        return fact;
    }

    /// <summary>Closes a track's row (created here when it never had a best shot) and publishes the end.</summary>
    public async Task EndAsync(TrackInfo track, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DetectionDbContext>();
        var row = await db.Tracks.FirstOrDefaultAsync(t => t.Id == track.TrackId, cancellationToken);
        if (row is null)
        {
            row = new Track { Id = track.TrackId, StreamId = track.StreamId, Kind = TrackKind.Face, StartedAt = track.StartedAt };
            db.Tracks.Add(row);
        }

        row.EndedAt = endedAt;
        row.Detections = track.Detections;
        await db.SaveChangesAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(
            new FaceTrackEnded(track.StreamId, track.TrackId, track.StartedAt, endedAt, row.BestShots), cancellationToken);
    }

    /// <summary>The webhook's <c>metadata</c> part: the fact without the images (the face goes as its own part).</summary>
    public static string Metadata(FaceBestShotCaptured f) => JsonSerializer.Serialize(new
    {
        streamId = f.StreamId,
        trackId = f.TrackId,
        kind = f.Kind.ToString().ToLowerInvariant(),
        trackStartedAt = f.TrackStartedAt,
        capturedAt = f.CapturedAt,
        trackEndedAt = f.TrackEndedAt,
        frameWidth = f.FrameWidth,
        frameHeight = f.FrameHeight,
        bbox = new { x = f.Box.X, y = f.Box.Y, width = f.Box.Width, height = f.Box.Height },
        landmarks = f.Landmarks.Select(p => new[] { p.X, p.Y }),
        quality = f.Quality,
        descriptorModel = f.DescriptorModel,
        descriptor = Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(f.Descriptor.AsSpan())),
    });
}
