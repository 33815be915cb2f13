using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Events.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>Streams asks which of a stream's <c>listIds</c> do not exist.</summary>
internal sealed class FindMissingListsHandler(EventsDbContext db) : IQueryHandler<FindMissingLists, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(FindMissingLists query, CancellationToken cancellationToken)
    {
        var wanted = query.ListIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = await db.Lists.AsNoTracking().Where(l => wanted.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
        return wanted.Except(found).ToList();
    }
}
