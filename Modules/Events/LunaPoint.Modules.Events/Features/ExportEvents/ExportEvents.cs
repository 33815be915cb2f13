using LunaPoint.Modules.Events.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LunaPoint.Modules.Events.Features;

/// <summary>The archive's rows in list order, read one by one from the database as they are written out.</summary>
internal sealed record ExportEvents(EventFilter Filter) : IQuery<IAsyncEnumerable<EventListItem>>;

internal sealed class ExportEventsHandler(EventsDbContext db, IOptions<EventSearchOptions> options)
    : IQueryHandler<ExportEvents, IAsyncEnumerable<EventListItem>>
{
    public ValueTask<IAsyncEnumerable<EventListItem>> Handle(ExportEvents query, CancellationToken cancellationToken)
    {
        // Checked here, before the answer starts: once rows stream, a refusal can no longer be a 400.
        var filter = query.Filter.Checked();
        var rows = filter.Apply(db.Events.AsNoTracking(), db)
            .OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id)
            .Take(options.Value.ExportMaxRows)
            .AsAsyncEnumerable();
        return ValueTask.FromResult(Map(rows, cancellationToken));
    }

    private static async IAsyncEnumerable<EventListItem> Map(IAsyncEnumerable<Domain.DetectionEvent> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return EventMapping.ToListItem(row);
        }
    }
}
