using LunaPoint.Modules.Events.Contracts;
using LunaPoint.Modules.Events.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Events.Features;

internal sealed class CountFacesWithDescriptorsHandler(EventsDbContext db) : IQueryHandler<CountFacesWithDescriptors, long>
{
    public async ValueTask<long> Handle(CountFacesWithDescriptors query, CancellationToken cancellationToken) =>
        // A face counts once it has a descriptor (a photo or an imported one), however many it has.
        await db.Faces.LongCountAsync(f => db.FacePhotos.Any(p => p.FaceId == f.Id), cancellationToken);
}
