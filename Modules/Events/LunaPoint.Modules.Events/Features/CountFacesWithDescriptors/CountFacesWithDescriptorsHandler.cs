using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Events.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

internal sealed class CountFacesWithDescriptorsHandler(EventsDbContext db) : IQueryHandler<CountFacesWithDescriptors, long>
{
    public async ValueTask<long> Handle(CountFacesWithDescriptors query, CancellationToken cancellationToken) =>
        // A watchlist face is stored only with its descriptor (the column is required), so every face counts.
        await db.Faces.LongCountAsync(cancellationToken);
}
