using FluentValidation;

namespace LunaPoint.Modules.Detection.Features;

internal sealed class GetStreamStatsValidator : AbstractValidator<GetStreamStats>
{
    public GetStreamStatsValidator() => RuleFor(q => q.WindowSeconds).InclusiveBetween(1, 86_400);
}
