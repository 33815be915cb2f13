using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Evaluation;
using Mediator;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>Deletes a rule. Its alerts and pending deliveries stay: what was raised is still sent and logged.</summary>
internal sealed record DeleteRule(Guid Id) : ICommand;

internal sealed class DeleteRuleHandler(NotificationsDbContext db, RuleCache cache, ISender sender) : ICommandHandler<DeleteRule>
{
    public async ValueTask<Unit> Handle(DeleteRule command, CancellationToken cancellationToken)
    {
        var rule = await db.FindRuleAsync(command.Id, cancellationToken);
        var before = RuleMapping.ToAuditDto(rule);
        db.Rules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        await sender.Send(new RecordAuditEntry(NotificationsModule.Name, "notification-rule.deleted", Target: RuleWriter.Target(rule), Before: before), cancellationToken);
        return Unit.Value;
    }
}
