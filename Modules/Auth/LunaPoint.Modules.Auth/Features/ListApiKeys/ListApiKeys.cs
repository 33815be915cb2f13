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
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken);
        return keys.Select(k => ApiKeyDto.From(k, now)).ToList();
    }
}
