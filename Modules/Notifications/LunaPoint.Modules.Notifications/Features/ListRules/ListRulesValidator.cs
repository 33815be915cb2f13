using FluentValidation;
using LunaPoint.SharedKernel.Paging;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed class ListRulesValidator : AbstractValidator<ListRules>
{
    public ListRulesValidator()
    {
        this.ValidPaging(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Name).MaximumLength(200).Must(n => n is null || !n.Any(char.IsControl))
            .WithMessage("name must not contain control characters.").OverridePropertyName("name");
        RuleFor(q => q.Trigger).Must(t => string.IsNullOrWhiteSpace(t) || RuleNames.TryTrigger(t, out _))
            .WithMessage($"trigger must be one of: {string.Join(", ", RuleNames.Triggers)}.").OverridePropertyName("trigger");
    }
}
