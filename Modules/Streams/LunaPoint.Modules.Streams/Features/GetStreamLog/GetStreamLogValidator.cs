using FluentValidation;
using LunaPoint.SharedKernel.Paging;

namespace LunaPoint.Modules.Streams.Features;

internal sealed class GetStreamLogValidator : AbstractValidator<GetStreamLog>
{
    public GetStreamLogValidator()
    {
        this.ValidPaging(q => q.Page, q => q.PageSize);
    }
}
