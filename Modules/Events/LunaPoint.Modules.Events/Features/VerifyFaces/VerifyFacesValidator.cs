using FluentValidation;

namespace LunaPoint.Modules.Events.Features;

internal sealed class VerifyFacesValidator : AbstractValidator<VerifyFaces>
{
    public VerifyFacesValidator() =>
        RuleFor(q => q.Threshold).Must(t => t is null or (>= 0 and <= 1)).OverridePropertyName("threshold")
            .WithMessage("threshold must be a similarity between 0 and 1.");
}
