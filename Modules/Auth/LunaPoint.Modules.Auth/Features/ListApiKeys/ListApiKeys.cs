using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeyDto>>;

internal sealed class ListApiKeysHandler(AuthDbContext db, TimeProvider clock) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ThenBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        var ownerIds = keys.Select(k => k.CreatedBy).Distinct().ToList();
        var owners = await UsersWithRoles.Query(db)
            .Where(r => ownerIds.Contains(r.User.Id))
            .Select(r => new { r.User.Id, r.User.UserName, State = new UserState(r.User.SecurityStamp, r.User.IsDisabled, r.Role) })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        return keys.Select(k =>
        {
            var owner = owners.GetValueOrDefault(k.CreatedBy);
            return ApiKeyDto.From(k, now, owner?.UserName, ApiKeyAuthenticationHandler.OwnerMayUse(owner?.State, k.Role));
        }).ToList();
    }
}
