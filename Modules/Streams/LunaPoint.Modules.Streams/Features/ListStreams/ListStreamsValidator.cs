using FluentValidation;
using LunaPoint.SharedKernel.Paging;

namespace LunaPoint.Modules.Streams.Features;

internal sealed class ListStreamsValidator : AbstractValidator<ListStreams>
{
    public ListStreamsValidator()
    {
        this.ValidPaging(q => q.Page, q => q.PageSize);
        RuleFor(q => q.Name).MaximumLength(200).NoNul().OverridePropertyName("name");
    }
}
