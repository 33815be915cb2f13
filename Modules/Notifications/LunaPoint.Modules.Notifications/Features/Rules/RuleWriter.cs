using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Notifications.Data;
using LunaPoint.Modules.Notifications.Dispatch;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.Modules.Notifications.Evaluation;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Network;
using Microsoft.AspNetCore.DataProtection;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// What creating and replacing a rule share: every check at once (one 400 with all fields), secrets kept
/// by URL and stored protected, a free name, then save, reload the evaluators' cache and audit without
/// secrets or webhook queries.
/// </summary>
internal sealed class RuleWriter(
    NotificationsDbContext db, ISender sender, RuleCache cache, OutboundAddressPolicy network, IDataProtectionProvider protection, TimeProvider clock)
{
    public async Task<RuleDto> SaveAsync(NotificationRule? stored, RuleRequest request, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        void Fail(string path, string message) => failures.Add(new ValidationFailure(path, message));
        failures.AddRange((await new RuleRequestValidator(network).ValidateAsync(request, cancellationToken)).Errors);
        request = StoredSecrets.Resolve(request, stored, protection.ProtectWebhookSecret, Fail);
        await RuleReferences.CheckAsync(sender, request.Conditions, stored?.Conditions, Fail, cancellationToken);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var name = request.Name!.Trim();
        var lower = name.ToLower();
        if (await db.Rules.AnyAsync(r => r.Name.ToLower() == lower && r.Id != (stored == null ? Guid.Empty : stored.Id), cancellationToken))
        {
            throw new ConflictException("notificationRule.nameTaken", $"A notification rule named '{name}' exists already: choose another name.");
        }

        // Whole milliseconds: what is answered now reads back the same from either database.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var before = stored is null ? null : RuleMapping.ToAuditDto(stored);
        var rule = stored ?? new NotificationRule { Id = Guid.NewGuid(), Name = name, CreatedAt = now };
        RuleMapping.Apply(request, rule);
        rule.UpdatedAt = now;
        if (stored is null)
        {
            db.Rules.Add(rule);
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        await sender.Send(new RecordAuditEntry(NotificationsModule.Name, stored is null ? "notification-rule.created" : "notification-rule.updated",
            Target: Target(rule), Before: before, After: RuleMapping.ToAuditDto(rule)), cancellationToken);
        return RuleMapping.ToDto(rule);
    }

    public static string Target(NotificationRule rule) => $"notification rule {rule.Name} ({rule.Id})";
}

internal static class RuleLookup
{
    public static async Task<NotificationRule> FindRuleAsync(this NotificationsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Rules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Notification rule", id);
}
