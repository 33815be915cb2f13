using FluentValidation;
using LunaPoint.SharedKernel.Paging;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed class ListAlertsValidator : AbstractValidator<ListAlerts>
{
    public ListAlertsValidator()
    {
        this.ValidPaging(q => q.Page, q => q.PageSize);
        RuleFor(q => q.To).Must((q, to) => q.From is not { } from || to is not { } t || t >= from)
            .WithMessage("to must not be before from.").OverridePropertyName("to");
    }
}
