using LunaPoint.Modules.Streams.Data;
using Mediator;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record GetStream(Guid Id) : IQuery<StreamDto>;

internal sealed class GetStreamHandler(StreamsDbContext db) : IQueryHandler<GetStream, StreamDto>
{
    public async ValueTask<StreamDto> Handle(GetStream query, CancellationToken cancellationToken) =>
        StreamMapping.ToDto(await db.ReadStreamAsync(query.Id, cancellationToken));
}
