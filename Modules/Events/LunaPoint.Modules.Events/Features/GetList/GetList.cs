using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Enrolment;
using Mediator;

namespace LunaPoint.Modules.Events.Features;

internal sealed record GetList(Guid Id) : IQuery<ListDto>;

internal sealed class GetListHandler(EventsDbContext db) : IQueryHandler<GetList, ListDto>
{
    public async ValueTask<ListDto> Handle(GetList query, CancellationToken cancellationToken) =>
        await db.ListDtoAsync(await db.FindListAsync(query.Id, cancellationToken), cancellationToken);
}
