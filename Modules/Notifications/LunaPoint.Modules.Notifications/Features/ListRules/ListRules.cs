using LunaPoint.Modules.Notifications.Data;
using LunaPoint.SharedKernel.Paging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed record ListRules(string? Name, string? Trigger, bool? Enabled, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<PagedResult<RuleDto>>;

internal sealed class ListRulesHandler(NotificationsDbContext db) : IQueryHandler<ListRules, PagedResult<RuleDto>>
{
    public async ValueTask<PagedResult<RuleDto>> Handle(ListRules query, CancellationToken cancellationToken)
    {
        var rows = db.Rules.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var name = query.Name.Trim().ToLower();
            rows = rows.Where(r => r.Name.ToLower().Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(query.Trigger) && RuleNames.TryTrigger(query.Trigger, out var trigger))
        {
            rows = rows.Where(r => r.Trigger == trigger);
        }

        rows = query.Enabled is { } enabled ? rows.Where(r => r.Enabled == enabled) : rows;
        var page = new PageRequest(query.Page, query.PageSize);
        var total = await rows.LongCountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.Name).ThenBy(r => r.Id).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new PagedResult<RuleDto>(items.Select(RuleMapping.ToDto).ToList(), page.Page, page.Take, total);
    }
}
