using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record ListStreams(string? Name, string? Type, string? Status, bool? Enabled, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResult<StreamDto>>;

internal sealed class ListStreamsHandler(StreamsDbContext db) : IQueryHandler<ListStreams, PagedResult<StreamDto>>
{
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

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
