using LunaPoint.Modules.Notifications.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed record GetRule(Guid Id) : IQuery<RuleDto>;

internal sealed class GetRuleHandler(NotificationsDbContext db) : IQueryHandler<GetRule, RuleDto>
{
    public async ValueTask<RuleDto> Handle(GetRule query, CancellationToken cancellationToken) =>
        RuleMapping.ToDto(await db.FindRuleAsync(query.Id, cancellationToken));
}
