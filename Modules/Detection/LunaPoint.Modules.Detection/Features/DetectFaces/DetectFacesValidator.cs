using FluentValidation;
using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Detection.Features;

internal sealed class DetectFacesValidator : AbstractValidator<DetectFaces>
{
    public DetectFacesValidator() =>
        RuleFor(q => q.Image).NotEmpty().WithMessage("image is required: send a JPEG, PNG, BMP or WebP photo.");
}
