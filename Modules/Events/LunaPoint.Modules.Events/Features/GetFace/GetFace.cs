using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

internal sealed record GetFace(Guid Id) : IQuery<FaceDto>;

internal sealed class GetFaceHandler(EventsDbContext db) : IQueryHandler<GetFace, FaceDto>
{
    public async ValueTask<FaceDto> Handle(GetFace query, CancellationToken cancellationToken) =>
        await db.FaceDtoAsync(await db.FindFaceAsync(query.Id, cancellationToken), cancellationToken);
}
