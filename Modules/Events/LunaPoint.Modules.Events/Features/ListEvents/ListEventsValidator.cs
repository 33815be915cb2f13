using FluentValidation;
using LunaPoint.SharedKernel.Paging;

namespace LunaPoint.Modules.Events.Features;

internal sealed class ListEventsValidator : AbstractValidator<ListEvents>
{
    public ListEventsValidator() => this.ValidPaging(q => q.Page, q => q.PageSize);
}
