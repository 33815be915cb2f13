using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record GetStream(Guid Id) : IQuery<StreamDto>;

internal sealed record GetStreamLogs(Guid Id, int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<StreamLogDto>>;

internal sealed record ListStreams(string? Name, string? Type, string? Status, bool? Enabled, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResult<StreamDto>>;

internal sealed record ExportStreams : IQuery<IReadOnlyList<StreamRequest>>;

/// <summary>Reads of streams, their logs and their usage; nothing here changes a row.</summary>
internal sealed class StreamQueryHandlers(StreamsDbContext db)
    : IQueryHandler<GetStream, StreamDto>, IQueryHandler<GetStreamLogs, PagedResult<StreamLogDto>>, IQueryHandler<ListStreams, PagedResult<StreamDto>>,
      IQueryHandler<ExportStreams, IReadOnlyList<StreamRequest>>, IQueryHandler<GetStreamUsage, StreamUsage>
{
    public async ValueTask<StreamDto> Handle(GetStream query, CancellationToken cancellationToken) =>
        StreamMapping.ToDto(await FindAsync(query.Id, cancellationToken));

    public async ValueTask<PagedResult<StreamLogDto>> Handle(GetStreamLogs query, CancellationToken cancellationToken)
    {
        await FindAsync(query.Id, cancellationToken);
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

    private async Task<VideoStream> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Streams.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Stream", id);

    private static FluentValidation.ValidationException Invalid(string field, string message) =>
        new([new FluentValidation.Results.ValidationFailure(field, message)]);
}
