using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record StartStream(Guid Id) : ICommand<StreamDto>;

internal sealed record StopStream(Guid Id) : ICommand<StreamDto>;

/// <summary>Start/stop (operators), status reports (workers), licence expiry.</summary>
internal sealed class StreamOperationHandlers(
    StreamsDbContext db, LicenseGuard license, StreamLog log, ICurrentActor actor, ISender sender, IPublisher publisher)
    : ICommandHandler<StartStream, StreamDto>, ICommandHandler<StopStream, StreamDto>, ICommandHandler<ReportStreamStatus>, INotificationHandler<LicenseExpired>
{
    public async ValueTask<StreamDto> Handle(StartStream command, CancellationToken cancellationToken)
    {
        var stream = await FindAsync(command.Id, cancellationToken);
        if (!stream.Enabled || stream.Status is StreamStatus.Paused or StreamStatus.Failed or StreamStatus.Done)
        {
            await license.CheckAsync([StreamMapping.ToRequest(stream) with { Enabled = true }], stream.Id, cancellationToken);
            stream.Enabled = true;
            stream.LastError = null;
            log.Transition(stream, StreamStatus.Pending, $"started by {actor.Name ?? "system"}");
            await db.SaveChangesAsync(cancellationToken);
            await sender.Send(new RecordAuditEntry(StreamsModule.Name, "stream.started", Target: $"stream {stream.Name} ({stream.Id})"), cancellationToken);
            await publisher.Publish(new StreamEnabled(stream.Id), cancellationToken);
        }

        return StreamMapping.ToDto(stream);
    }

    public async ValueTask<StreamDto> Handle(StopStream command, CancellationToken cancellationToken)
    {
        var stream = await FindAsync(command.Id, cancellationToken);
        if (stream.Enabled)
        {
            var reason = $"stopped by {actor.Name ?? "system"}";
            stream.Enabled = false;
            log.Transition(stream, StreamStatus.Paused, reason);
            await db.SaveChangesAsync(cancellationToken);
            await sender.Send(new RecordAuditEntry(StreamsModule.Name, "stream.stopped", Target: $"stream {stream.Name} ({stream.Id})"), cancellationToken);
            await publisher.Publish(new StreamDisabled(stream.Id, reason), cancellationToken);
        }

        return StreamMapping.ToDto(stream);
    }

    public async ValueTask<Unit> Handle(ReportStreamStatus command, CancellationToken cancellationToken)
    {
        var stream = await FindAsync(command.StreamId, cancellationToken);
        stream.LastFrameAt = command.LastFrameAt ?? stream.LastFrameAt;
        stream.InputFps = command.InputFps ?? stream.InputFps;
        var to = StreamMapping.ToStatus(command.Status);
        stream.LastError = to == StreamStatus.Failed ? command.Reason : stream.LastError;
        var from = stream.Status;
        var changed = from != to;
        if (changed)
        {
            log.Transition(stream, to, command.Reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changed)
        {
            await publisher.Publish(new StreamStatusChanged(stream.Id, StreamMapping.ToState(from), command.Status, command.Reason), cancellationToken);
        }

        return Unit.Value;
    }

    /// <summary>An expired licence stops analysis; the streams and their data stay readable.</summary>
    public async ValueTask Handle(LicenseExpired notification, CancellationToken cancellationToken)
    {
        var running = await db.Streams.Where(s => s.Enabled && (s.Status == StreamStatus.Pending || s.Status == StreamStatus.InProgress)).ToListAsync(cancellationToken);
        var previous = running.ToDictionary(s => s.Id, s => StreamMapping.ToState(s.Status));
        foreach (var stream in running)
        {
            log.Transition(stream, StreamStatus.Paused, "licence expired");
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var stream in running)
        {
            await publisher.Publish(new StreamStatusChanged(stream.Id, previous[stream.Id], StreamState.Paused, "licence expired"), cancellationToken);
        }
    }

    private async Task<VideoStream> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Streams.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Stream", id);
}
