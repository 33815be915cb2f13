using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed record CreateRule(RuleRequest Rule) : ICommand<RuleDto>;

internal sealed class CreateRuleHandler(RuleWriter writer) : ICommandHandler<CreateRule, RuleDto>
{
    public async ValueTask<RuleDto> Handle(CreateRule command, CancellationToken cancellationToken) =>
        await writer.SaveAsync(null, command.Rule, cancellationToken);
}
