using FluentValidation;
using LunaPoint.Modules.Detection.Contracts;

namespace LunaPoint.Modules.Detection.Features;

internal sealed class DetectFacesValidator : AbstractValidator<DetectFaces>
{
    private const FaceEstimateKinds Known = FaceEstimateKinds.Liveness | FaceEstimateKinds.Attributes | FaceEstimateKinds.Pose | FaceEstimateKinds.Eyes | FaceEstimateKinds.Iso;

    public DetectFacesValidator()
    {
        RuleFor(q => q.Image).NotEmpty().WithMessage("image is required: send a JPEG, PNG, BMP or WebP photo.");
        RuleFor(q => q.Estimate).Must(e => (e & ~Known) == 0).OverridePropertyName(EstimateQuery.Field)
            .WithMessage("estimate holds an unknown kind; allowed: liveness, attributes, pose, eyes, iso.");
    }
}
