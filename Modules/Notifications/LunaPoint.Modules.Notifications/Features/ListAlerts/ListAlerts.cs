using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed record ListAlerts(
    Guid? RuleId = null,
    string? Trigger = null,
    Guid? StreamId = null,
    Guid? FaceId = null,
    bool? Acknowledged = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 1,
    int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<AlertView>>;

/// <summary>Alerts newest first (by when they happened, then id so pages never overlap).</summary>
internal sealed class ListAlertsHandler(NotificationsDbContext db) : IQueryHandler<ListAlerts, PagedResult<AlertView>>
{
    public async ValueTask<PagedResult<AlertView>> Handle(ListAlerts query, CancellationToken cancellationToken)
    {
        var page = new PageRequest(query.Page, query.PageSize);
        var rows = Filter(db.Alerts.AsNoTracking(), query);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await AlertRows.WithoutImage(rows.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.Take))
            .ToListAsync(cancellationToken);
        return new PagedResult<AlertView>(items.Select(r => AlertMapping.ToView(r.Alert, r.HasFace)).ToList(), page.Page, page.Take, total);
    }

    private static IQueryable<Alert> Filter(IQueryable<Alert> rows, ListAlerts query)
    {
        if (!string.IsNullOrWhiteSpace(query.Trigger))
        {
            var trigger = Enum.GetValues<AlertTrigger>().Where(t => AlertMapping.TriggerName(t) == query.Trigger.Trim()).Select(t => (AlertTrigger?)t).FirstOrDefault()
                ?? throw Invalid("trigger", $"trigger must be one of: {string.Join(", ", Enum.GetValues<AlertTrigger>().Select(AlertMapping.TriggerName))}.");
            rows = rows.Where(a => a.Trigger == trigger);
        }

        rows = query.RuleId is { } ruleId ? rows.Where(a => a.RuleId == ruleId) : rows;
        rows = query.StreamId is { } streamId ? rows.Where(a => a.StreamId == streamId) : rows;
        rows = query.FaceId is { } faceId ? rows.Where(a => a.FaceId == faceId) : rows;
        rows = query.Acknowledged switch
        {
            true => rows.Where(a => a.AcknowledgedAt != null),
            false => rows.Where(a => a.AcknowledgedAt == null),
            null => rows,
        };

        // SQLite stores times as binary with their offset: compare in UTC, as every stored time is.
        if (query.From is { } from)
        {
            var utc = from.ToUniversalTime();
            rows = rows.Where(a => a.OccurredAt >= utc);
        }

        if (query.To is { } to)
        {
            var utc = to.ToUniversalTime();
            rows = rows.Where(a => a.OccurredAt <= utc);
        }

        return rows;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
