using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

internal sealed record ListFaces(Guid ListId, string? Name, int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<FaceSummaryDto>>;

internal sealed class ListFacesHandler(EventsDbContext db) : IQueryHandler<ListFaces, PagedResult<FaceSummaryDto>>
{
    public async ValueTask<PagedResult<FaceSummaryDto>> Handle(ListFaces query, CancellationToken cancellationToken)
    {
        var list = await db.FindListAsync(query.ListId, cancellationToken);
        var rows = db.Faces.AsNoTracking().Where(f => db.ListMembers.Any(m => m.ListId == list.Id && m.FaceId == f.Id));
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var name = query.Name.Trim().ToLower();
            rows = rows.Where(f => f.Name.ToLower().Contains(name));
        }

        var page = new PageRequest(query.Page, query.PageSize);
        var total = await rows.LongCountAsync(cancellationToken);
        var faces = await rows.OrderBy(f => f.Name).ThenBy(f => f.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        var ids = faces.Select(f => f.Id).ToList();
        var photos = (await db.FacePhotos.AsNoTracking().Where(p => ids.Contains(p.FaceId))
                .Select(p => new { p.Id, p.FaceId, p.ImagePath, p.Quality }).ToListAsync(cancellationToken))
            .ToLookup(p => p.FaceId);
        var items = faces.Select(f =>
        {
            var best = photos[f.Id].Where(p => p.ImagePath is not null).OrderByDescending(p => p.Quality).ThenBy(p => p.Id).FirstOrDefault();
            return new FaceSummaryDto(f.Id, f.Name, f.ExternalId, photos[f.Id].Count(), best is null ? null : FaceUrls.Photo(f.Id, best.Id), f.CreatedAt);
        }).ToList();
        return new PagedResult<FaceSummaryDto>(items, page.Page, page.Take, total);
    }
}
