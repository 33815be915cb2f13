using FluentValidation;

namespace LunaPoint.Modules.Notifications.Features;

internal sealed class AcknowledgeAlertValidator : AbstractValidator<AcknowledgeAlert>
{
    public const int MaxCommentLength = 1000;

    public AcknowledgeAlertValidator() =>
        RuleFor(c => c.Comment)
            .MaximumLength(MaxCommentLength).WithMessage($"comment must be at most {MaxCommentLength} characters.")
            .Must(c => c is null || !c.Contains('\0')).WithMessage("comment must not contain a NUL character.")
            .OverridePropertyName("comment");
}
