using System.Text.Json;
using System.Text.Json.Nodes;
using LunaPoint.Modules.Notifications.Data;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// JSON merge patch of a rule as <see cref="RuleRequest"/> writes it: objects (conditions, schedule) merge,
/// arrays (channels, ids) replace. Secrets are not in what the patch merges onto; webhook channels without
/// one keep the stored secret of their URL, as with PUT.
/// </summary>
internal sealed record PatchRule(Guid Id, JsonObject Patch) : ICommand<RuleDto>;

internal sealed class PatchRuleHandler(NotificationsDbContext db, ISender sender) : ICommandHandler<PatchRule, RuleDto>
{
    public async ValueTask<RuleDto> Handle(PatchRule command, CancellationToken cancellationToken)
    {
        var rule = await db.FindRuleAsync(command.Id, cancellationToken);
        var current = JsonSerializer.SerializeToNode(RuleMapping.ToRequest(rule), RulePatchDocument.Json)!.AsObject();
        RulePatchDocument.Merge(current, command.Patch);
        return await sender.Send(new UpdateRule(command.Id, RulePatchDocument.ToRequest(current)), cancellationToken);
    }
}
