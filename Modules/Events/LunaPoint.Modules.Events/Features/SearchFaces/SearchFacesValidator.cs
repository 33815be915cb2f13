using FluentValidation;

namespace LunaPoint.Modules.Events.Features;

internal sealed class SearchFacesValidator : AbstractValidator<SearchFaces>
{
    public SearchFacesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchFaces.MaxLimit).OverridePropertyName("limit")
            .WithMessage($"limit must be between 1 and {SearchFaces.MaxLimit}.");
        RuleFor(q => q.Threshold).Must(t => t is >= 0 and <= 1).OverridePropertyName("threshold")
            .WithMessage("threshold must be a similarity between 0 and 1.");
        RuleFor(q => q.Source).Must(s => s is not SearchSource.Photo { FaceIndex: < 0 }).OverridePropertyName("faceIndex")
            .WithMessage("faceIndex must be 0 or more.");
    }
}
