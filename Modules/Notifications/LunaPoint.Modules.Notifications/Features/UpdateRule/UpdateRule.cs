using LunaPoint.Modules.Notifications.Data;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>Replaces a rule (PUT); PATCH ends here too after merging. Webhook secrets left out are kept by URL.</summary>
internal sealed record UpdateRule(Guid Id, RuleRequest Rule) : ICommand<RuleDto>;

internal sealed class UpdateRuleHandler(NotificationsDbContext db, RuleWriter writer) : ICommandHandler<UpdateRule, RuleDto>
{
    public async ValueTask<RuleDto> Handle(UpdateRule command, CancellationToken cancellationToken) =>
        await writer.SaveAsync(await db.FindRuleAsync(command.Id, cancellationToken), command.Rule, cancellationToken);
}
