using FluentValidation;

namespace LunaPoint.Modules.Events.Features;

internal sealed class CreateListValidator : ListRequestRules<CreateList>
{
    public CreateListValidator()
        : base(c => c.List)
    {
    }
}

/// <summary>The rules of a list's fields, for any command that carries a <see cref="ListRequest"/> (create, patch).</summary>
internal abstract class ListRequestRules<T> : AbstractValidator<T>
{
    protected ListRequestRules(Func<T, ListRequest> list)
    {
        RuleFor(c => list(c).Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("name is required.")
            .Must(n => n is null || n.Trim().Length <= 200).WithMessage("name must be at most 200 characters.")
            .Must(n => n is null || !n.Contains('\0')).WithMessage("name must not contain a NUL character.")
            .OverridePropertyName("name");
        RuleFor(c => list(c).Description).Must(d => d is null || d.Length <= 2000).WithMessage("description must be at most 2000 characters.")
            .Must(d => d is null || !d.Contains('\0')).WithMessage("description must not contain a NUL character.")
            .OverridePropertyName("description");
        RuleFor(c => list(c).Color).Matches("^#[0-9a-fA-F]{6}$").WithMessage("color must be #rrggbb (six hex digits), e.g. #1e88e5.")
            .OverridePropertyName("color");
        RuleFor(c => list(c).Threshold).Must(t => t is null || (double.IsFinite(t.Value) && t is >= 0 and <= 1))
            .WithMessage("threshold must be a similarity between 0 and 1.").OverridePropertyName("threshold");
    }
}
