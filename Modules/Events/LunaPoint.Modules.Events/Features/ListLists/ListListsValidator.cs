using FluentValidation;
using LunaPoint.SharedKernel.Paging;

namespace LunaPoint.Modules.Events.Features;

internal sealed class ListListsValidator : AbstractValidator<ListLists>
{
    public ListListsValidator()
    {
        this.ValidPaging(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Name).MaximumLength(200).Must(n => n is null || !n.Contains('\0')).OverridePropertyName("name");
    }
}
