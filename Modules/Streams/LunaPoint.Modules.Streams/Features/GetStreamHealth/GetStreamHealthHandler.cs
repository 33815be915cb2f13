using LunaPoint.Modules.Streams.Contracts;
using LunaPoint.Modules.Streams.Data;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>Notifications polls this to see cameras go dark and come back; errors are masked like the REST view.</summary>
internal sealed class GetStreamHealthHandler(StreamsDbContext db) : IQueryHandler<GetStreamHealth, IReadOnlyList<StreamHealth>>
{
    public async ValueTask<IReadOnlyList<StreamHealth>> Handle(GetStreamHealth query, CancellationToken cancellationToken)
    {
        var rows = await db.Streams.AsNoTracking()
            .Select(s => new { s.Id, s.Name, s.LocationAddress, s.Enabled, s.Status, s.LastFrameAt, s.LastError })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new StreamHealth(
            s.Id, s.Name, s.LocationAddress, s.Enabled, StreamMapping.ToState(s.Status), s.LastFrameAt, SecretMasking.MaskUrlsIn(s.LastError))).ToList();
    }
}

/// <summary>Rules name streams; an id that names no stream is a client error, said by the rule's validator.</summary>
internal sealed class FindMissingStreamsHandler(StreamsDbContext db) : IQueryHandler<FindMissingStreams, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(FindMissingStreams query, CancellationToken cancellationToken)
    {
        var wanted = query.StreamIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = await db.Streams.AsNoTracking().Where(s => wanted.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        return wanted.Except(found).ToList();
    }
}
