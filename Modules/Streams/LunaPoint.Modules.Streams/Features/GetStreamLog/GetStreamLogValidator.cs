using FluentValidation;
using LunaPoint.SharedKernel.Paging;

namespace LunaPoint.Modules.Streams.Features;

internal sealed class GetStreamLogValidator : AbstractValidator<GetStreamLog>
{
    public GetStreamLogValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, PageLimits.MaxPage).OverridePropertyName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize).OverridePropertyName("pageSize");
    }
}
