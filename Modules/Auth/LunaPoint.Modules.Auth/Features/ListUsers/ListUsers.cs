using LunaPoint.Modules.Auth.Data;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record ListUsers(string? Search = null, string? Role = null, bool? Disabled = null, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResult<UserDto>>;

internal sealed class ListUsersHandler(AuthDbContext db, TimeProvider clock) : IQueryHandler<ListUsers, PagedResult<UserDto>>
{
    public async ValueTask<PagedResult<UserDto>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var rows = UsersWithRoles.Query(db);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToUpperInvariant();
            rows = rows.Where(r => r.User.NormalizedUserName!.Contains(search) || (r.User.DisplayName != null && r.User.DisplayName.ToUpper().Contains(search)));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            rows = rows.Where(r => r.Role == query.Role);
        }

        if (query.Disabled is { } disabled)
        {
            rows = rows.Where(r => r.User.IsDisabled == disabled);
        }

        var page = new PageRequest(query.Page, query.PageSize);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.User.NormalizedUserName).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new PagedResult<UserDto>(items.Select(r => UserDto.From(r.User, r.Role ?? "", now)).ToList(), page.Page, page.Take, total);
    }
}
