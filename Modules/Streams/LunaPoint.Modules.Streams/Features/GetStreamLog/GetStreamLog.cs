using LunaPoint.SharedKernel.Security;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record GetStreamLog(Guid Id, int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<StreamLogDto>>;

internal sealed class GetStreamLogHandler(StreamsDbContext db) : IQueryHandler<GetStreamLog, PagedResult<StreamLogDto>>
{
    public async ValueTask<PagedResult<StreamLogDto>> Handle(GetStreamLog query, CancellationToken cancellationToken)
    {
        await db.ReadStreamAsync(query.Id, cancellationToken);
        var page = new PageRequest(query.Page, query.PageSize);
        var rows = db.StreamLogs.AsNoTracking().Where(l => l.StreamId == query.Id);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderByDescending(l => l.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<StreamLogDto>(
            items.Select(l => new StreamLogDto(l.At, l.FromStatus is { } f ? StreamMapping.StatusName(f) : null, StreamMapping.StatusName(l.ToStatus), SecretMasking.MaskUrlsIn(l.Reason))).ToList(),
            page.Page, page.Take, total);
    }
}
