using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Events.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

/// <summary>The stream form's list picker asks for the lists by name.</summary>
internal sealed class GetWatchlistNamesHandler(EventsDbContext db) : IQueryHandler<GetWatchlistNames, IReadOnlyList<WatchlistName>>
{
    public async ValueTask<IReadOnlyList<WatchlistName>> Handle(GetWatchlistNames query, CancellationToken cancellationToken) =>
        await db.Lists.AsNoTracking().OrderBy(l => l.Name).ThenBy(l => l.Id).Take(1000)
            .Select(l => new WatchlistName(l.Id, l.Name)).ToListAsync(cancellationToken);
}
