using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Licensing.Contracts;
using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Paging;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record StartStream(Guid Id) : ICommand<StreamDto>;

internal sealed record StopStream(Guid Id) : ICommand<StreamDto>;

internal sealed record GetStream(Guid Id) : IQuery<StreamDto>;

internal sealed record GetStreamLogs(Guid Id, int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<StreamLogDto>>;

internal sealed record ListStreams(string? Name, string? Type, string? Status, bool? Enabled, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResult<StreamDto>>;

internal sealed record ExportStreams : IQuery<IReadOnlyList<StreamRequest>>;

/// <summary>Start/stop (operators), status reports (workers), licence expiry, queries.</summary>
internal sealed class StreamOperationHandlers(
    StreamsDbContext db, LicenseGuard license, StreamLog log, ICurrentActor actor, ISender sender, IPublisher publisher)
    : ICommandHandler<StartStream, StreamDto>, ICommandHandler<StopStream, StreamDto>, ICommandHandler<ReportStreamStatus>,
      IQueryHandler<GetStream, StreamDto>, IQueryHandler<GetStreamLogs, PagedResult<StreamLogDto>>, IQueryHandler<ListStreams, PagedResult<StreamDto>>,
      IQueryHandler<ExportStreams, IReadOnlyList<StreamRequest>>, IQueryHandler<GetStreamUsage, StreamUsage>, INotificationHandler<LicenseExpired>
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
        foreach (var stream in running)
        {
            log.Transition(stream, StreamStatus.Paused, "licence expired");
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var stream in running)
        {
            await publisher.Publish(new StreamStatusChanged(stream.Id, StreamState.InProgress, StreamState.Paused, "licence expired"), cancellationToken);
        }
    }

    public async ValueTask<StreamDto> Handle(GetStream query, CancellationToken cancellationToken) =>
        StreamMapping.ToDto(await FindAsync(query.Id, cancellationToken, tracking: false));

    public async ValueTask<PagedResult<StreamLogDto>> Handle(GetStreamLogs query, CancellationToken cancellationToken)
    {
        await FindAsync(query.Id, cancellationToken, tracking: false);
        var page = new PageRequest(query.Page, query.PageSize);
        var rows = db.StreamLogs.AsNoTracking().Where(l => l.StreamId == query.Id);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderByDescending(l => l.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<StreamLogDto>(
            items.Select(l => new StreamLogDto(l.At, l.FromStatus is { } f ? StreamMapping.StatusName(f) : null, StreamMapping.StatusName(l.ToStatus), l.Reason)).ToList(),
            page.Page, page.Take, total);
    }

    public async ValueTask<PagedResult<StreamDto>> Handle(ListStreams query, CancellationToken cancellationToken)
    {
        var rows = db.Streams.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var name = query.Name.Trim().ToLower();
            rows = rows.Where(s => s.Name.ToLower().Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            rows = StreamTypes.TryParse(query.Type, out var type) ? rows.Where(s => s.Type == type) : throw Invalid("type", $"Type must be one of: {string.Join(", ", StreamTypes.Names)}.");
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            rows = StreamMapping.TryParseStatus(query.Status, out var status) ? rows.Where(s => s.Status == status) : throw Invalid("status", "Status must be pending, in_progress, paused, failed or done.");
        }

        rows = query.Enabled is { } enabled ? rows.Where(s => s.Enabled == enabled) : rows;
        var page = new PageRequest(query.Page, query.PageSize);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<StreamDto>(items.Select(StreamMapping.ToDto).ToList(), page.Page, page.Take, total);
    }

    public async ValueTask<IReadOnlyList<StreamRequest>> Handle(ExportStreams query, CancellationToken cancellationToken) =>
        (await db.Streams.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(StreamMapping.ToRequest).ToList();

    public async ValueTask<StreamUsage> Handle(GetStreamUsage query, CancellationToken cancellationToken) =>
        new(await db.Streams.CountAsync(cancellationToken), await db.Streams.CountAsync(s => s.Enabled, cancellationToken));

    private async Task<VideoStream> FindAsync(Guid id, CancellationToken cancellationToken, bool tracking = true) =>
        await (tracking ? db.Streams : db.Streams.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("Stream", id);

    private static FluentValidation.ValidationException Invalid(string field, string message) =>
        new([new FluentValidation.Results.ValidationFailure(field, message)]);
}
