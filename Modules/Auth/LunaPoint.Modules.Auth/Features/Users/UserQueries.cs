using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features.Users;

internal sealed record ListUsers(string? Search = null, string? Role = null, bool? Disabled = null, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResult<UserDto>>;

internal sealed record GetUser(Guid Id) : IQuery<UserDto>;

internal sealed class UserQueryHandlers(AuthDbContext db, TimeProvider clock) : IQueryHandler<ListUsers, PagedResult<UserDto>>, IQueryHandler<GetUser, UserDto>
{
    public async ValueTask<PagedResult<UserDto>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var rows = WithRoles();
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

    public async ValueTask<UserDto> Handle(GetUser query, CancellationToken cancellationToken)
    {
        var row = await WithRoles().FirstOrDefaultAsync(r => r.User.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("User", query.Id);
        return UserDto.From(row.User, row.Role ?? "", clock.GetUtcNow());
    }

    private IQueryable<UserWithRole> WithRoles() =>
        from user in db.Users.AsNoTracking()
        select new UserWithRole
        {
            User = user,
            Role = (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id where link.UserId == user.Id select role.Name).FirstOrDefault(),
        };

    // A member-initialised class, not a positional record: EF can filter on its members after projection.
    private sealed class UserWithRole
    {
        public required User User { get; init; }

        public string? Role { get; init; }
    }
}
