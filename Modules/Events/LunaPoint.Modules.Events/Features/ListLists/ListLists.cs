using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

internal sealed record ListLists(string? Name, int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<ListDto>>;

internal sealed class ListListsHandler(EventsDbContext db) : IQueryHandler<ListLists, PagedResult<ListDto>>
{
    public async ValueTask<PagedResult<ListDto>> Handle(ListLists query, CancellationToken cancellationToken)
    {
        var rows = db.Lists.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var name = query.Name.Trim().ToLower();
            rows = rows.Where(l => l.Name.ToLower().Contains(name));
        }

        var page = new PageRequest(query.Page, query.PageSize);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderBy(l => l.Name).ThenBy(l => l.Id).Skip(page.Skip).Take(page.Take)
            .Select(l => new { List = l, Faces = db.ListMembers.LongCount(m => m.ListId == l.Id) })
            .ToListAsync(cancellationToken);
        return new PagedResult<ListDto>(items.Select(i => FaceReader.ToDto(i.List, i.Faces)).ToList(), page.Page, page.Take, total);
    }
}
