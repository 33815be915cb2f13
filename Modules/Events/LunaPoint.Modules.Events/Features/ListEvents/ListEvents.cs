using LunaPoint.Modules.Events.Data;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

internal sealed record ListEvents(EventFilter Filter, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResult<EventListItem>>;

/// <summary>The archive, newest first (by start, then id so pages never overlap).</summary>
internal sealed class ListEventsHandler(EventsDbContext db) : IQueryHandler<ListEvents, PagedResult<EventListItem>>
{
    public async ValueTask<PagedResult<EventListItem>> Handle(ListEvents query, CancellationToken cancellationToken)
    {
        var filter = query.Filter.Checked();
        var page = new PageRequest(query.Page, query.PageSize);
        var rows = filter.Apply(db.Events.AsNoTracking(), db);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<EventListItem>(items.Select(EventMapping.ToListItem).ToList(), page.Page, page.Take, total);
    }
}
