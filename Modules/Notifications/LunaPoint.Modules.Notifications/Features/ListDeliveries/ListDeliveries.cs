using System.Globalization;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Live;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// The delivery log, newest first. Filters arrive as text (query string, console form) and the validator
/// names the field that does not parse; <c>from</c>/<c>to</c> bound CreatedAt (ISO 8601, inclusive).
/// </summary>
internal sealed record ListDeliveries(
    string? RuleId = null, string? AlertId = null, string? Channel = null, string? Status = null, string? From = null, string? To = null,
    int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IQuery<PagedResult<DeliveryView>>
{
    public static readonly string[] Channels = [.. Enum.GetValues<ChannelType>().Select(AlertMapping.ChannelName)];
    public static readonly string[] Statuses = [.. Enum.GetValues<DeliveryStatus>().Select(AlertMapping.StatusName)];

    public static bool TryParseTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}

/// <summary>One row of the delivery log; the recipient is masked (a webhook URL's query and credentials), the secret never shown.</summary>
internal sealed record DeliveryView(
    Guid Id, Guid AlertId, Guid RuleId, string? RuleName, string Channel, string Recipient, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt, bool Escalation);

internal sealed class ListDeliveriesHandler(NotificationsDbContext db) : IQueryHandler<ListDeliveries, PagedResult<DeliveryView>>
{
    public async ValueTask<PagedResult<DeliveryView>> Handle(ListDeliveries query, CancellationToken cancellationToken)
    {
        var page = new PageRequest(query.Page, query.PageSize);
        var rows = db.Deliveries.AsNoTracking();
        rows = Guid.TryParse(query.RuleId, out var ruleId) ? rows.Where(d => d.RuleId == ruleId) : rows;
        rows = Guid.TryParse(query.AlertId, out var alertId) ? rows.Where(d => d.AlertId == alertId) : rows;
        rows = Enum.TryParse<ChannelType>(query.Channel, ignoreCase: true, out var channel) ? rows.Where(d => d.Channel == channel) : rows;
        rows = Enum.TryParse<DeliveryStatus>(query.Status, ignoreCase: true, out var status) ? rows.Where(d => d.Status == status) : rows;
        rows = ListDeliveries.TryParseTime(query.From, out var from) ? rows.Where(d => d.CreatedAt >= from) : rows;
        rows = ListDeliveries.TryParseTime(query.To, out var to) ? rows.Where(d => d.CreatedAt <= to) : rows;

        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        var alertIds = items.Select(d => d.AlertId).Distinct().ToList();
        var ruleNames = await db.Alerts.AsNoTracking().Where(a => alertIds.Contains(a.Id))
            .Select(a => new { a.Id, a.RuleName }).ToDictionaryAsync(a => a.Id, a => a.RuleName, cancellationToken);
        return new PagedResult<DeliveryView>([.. items.Select(d => ToView(d, ruleNames.GetValueOrDefault(d.AlertId)))], page.Page, page.Take, total);
    }

    private static DeliveryView ToView(Delivery d, string? ruleName) => new(
        d.Id, d.AlertId, d.RuleId, ruleName, AlertMapping.ChannelName(d.Channel),
        d.Channel == ChannelType.Webhook ? ErrorText.MaskUrl(d.Recipient) : d.Recipient,
        AlertMapping.StatusName(d.Status), d.Attempts, d.LastError, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt, d.SentAt, d.Escalation);
}
