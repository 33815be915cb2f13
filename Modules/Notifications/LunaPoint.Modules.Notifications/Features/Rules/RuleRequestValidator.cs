using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Notifications.Domain;
using LunaPoint.SharedKernel.Network;

namespace LunaPoint.Modules.Notifications.Features;

/// <summary>
/// Everything about a rule that needs no database: each failure is named by its JSON path
/// (<c>channels[1].recipients[0]</c>, <c>conditions.schedule.to</c>) so the console puts it on its field.
/// Stream and list ids are checked against their modules by <see cref="RuleReferences"/>.
/// </summary>
internal sealed class RuleRequestValidator : AbstractValidator<RuleRequest>
{
    public const int MaxNameLength = 200;
    public const int MaxIds = 100;
    public const int MaxChannels = 10;
    public const int MaxSeconds = 86_400;

    public RuleRequestValidator(OutboundAddressPolicy network) =>
        RuleFor(r => r).Custom((rule, context) => Check(rule, network, (path, message) => context.AddFailure(new ValidationFailure(path, $"{path} {message}"))));

    private static void Check(RuleRequest rule, OutboundAddressPolicy network, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            fail("name", "is required.");
        }
        else if (rule.Name.Trim().Length > MaxNameLength || rule.Name.Any(char.IsControl))
        {
            fail("name", $"must be at most {MaxNameLength} characters, without control characters.");
        }

        var known = RuleNames.TryTrigger(rule.Trigger, out var trigger);
        if (!known)
        {
            fail("trigger", $"must be one of: {string.Join(", ", RuleNames.Triggers)}.");
        }

        if (rule.CooldownSeconds is < 0 or > MaxSeconds)
        {
            fail("cooldownSeconds", $"must be between 0 and {MaxSeconds}.");
        }

        ConditionRules.Check(rule.Conditions, known ? trigger : null, fail);
        ChannelRules.Check(rule.Channels, "channels", network, fail);
        var escalates = rule.EscalateAfterSeconds is not null;
        var escalationChannels = rule.EscalationChannels is { Count: > 0 };
        if (rule.EscalateAfterSeconds is < 1 or > MaxSeconds)
        {
            fail("escalateAfterSeconds", $"must be between 1 and {MaxSeconds}.");
        }

        if (escalates && !escalationChannels)
        {
            fail("escalationChannels", "must name at least one channel when escalateAfterSeconds is set.");
        }
        else if (!escalates && escalationChannels)
        {
            fail("escalateAfterSeconds", "is required when escalationChannels are given (after how many seconds without acknowledgement).");
        }
        else if (escalationChannels)
        {
            ChannelRules.Check(rule.EscalationChannels, "escalationChannels", network, fail);
        }
    }

    public static bool IsFaceTrigger(AlertTrigger t) => t is AlertTrigger.WatchlistMatch or AlertTrigger.UnknownFace or AlertTrigger.LivenessSpoof;

    public static bool IsLicenceTrigger(AlertTrigger t) => t is AlertTrigger.LicenseExpiring or AlertTrigger.LicenseLimitReached;
}
