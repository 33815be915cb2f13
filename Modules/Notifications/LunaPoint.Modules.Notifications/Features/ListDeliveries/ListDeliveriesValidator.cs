using FluentValidation;
using LunaPoint.SharedKernel.Paging;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed class ListDeliveriesValidator : AbstractValidator<ListDeliveries>
{
    public ListDeliveriesValidator()
    {
        this.ValidPaging(q => q.Page, q => q.PageSize);
        RuleFor(q => q.RuleId).Must(BeGuid).WithMessage("ruleId must be a GUID.").OverridePropertyName("ruleId");
        RuleFor(q => q.AlertId).Must(BeGuid).WithMessage("alertId must be a GUID.").OverridePropertyName("alertId");
        RuleFor(q => q.Channel).Must(c => Empty(c) || ListDeliveries.Channels.Contains(c!.Trim().ToLowerInvariant()))
            .WithMessage($"channel must be one of: {string.Join(", ", ListDeliveries.Channels)}.").OverridePropertyName("channel");
        RuleFor(q => q.Status).Must(s => Empty(s) || ListDeliveries.Statuses.Contains(s!.Trim().ToLowerInvariant()))
            .WithMessage($"status must be one of: {string.Join(", ", ListDeliveries.Statuses)}.").OverridePropertyName("status");
        RuleFor(q => q.From).Must(BeTime).WithMessage("from must be a date and time (ISO 8601).").OverridePropertyName("from");
        RuleFor(q => q.To).Must(BeTime).WithMessage("to must be a date and time (ISO 8601).").OverridePropertyName("to");
        RuleFor(q => q).Must(q => !ListDeliveries.TryParseTime(q.From, out var from) || !ListDeliveries.TryParseTime(q.To, out var to) || from <= to)
            .WithMessage("to must not be before from.").OverridePropertyName("to");
    }

    private static bool Empty(string? text) => string.IsNullOrWhiteSpace(text);

    private static bool BeGuid(string? text) => Empty(text) || Guid.TryParse(text, out _);

    private static bool BeTime(string? text) => Empty(text) || (text!.Length <= 64 && ListDeliveries.TryParseTime(text, out _));
}
