using LunaPoint.Modules.Streams.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Streams.Features;

internal sealed record ExportStreams : IQuery<IReadOnlyList<StreamRequest>>;

/// <summary>The only read that carries secrets unmasked: administrators move streams to another installation with it.</summary>
internal sealed class ExportStreamsHandler(StreamsDbContext db) : IQueryHandler<ExportStreams, IReadOnlyList<StreamRequest>>
{
    public async ValueTask<IReadOnlyList<StreamRequest>> Handle(ExportStreams query, CancellationToken cancellationToken) =>
        (await db.Streams.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken)).Select(StreamMapping.ToRequest).ToList();
}
