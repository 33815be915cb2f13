using FluentValidation;
using LunaPoint.Modules.Auth.Domain;

namespace LunaPoint.Modules.Auth.Features;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(UserRules.MaxUserNameLength);
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(UserRules.MaxPasswordLength);
        RuleFor(c => c.NewPassword).NotEmpty().MinimumLength(UserRules.MinPasswordLength).MaximumLength(UserRules.MaxPasswordLength)
            .NotEqual(c => c.CurrentPassword).WithMessage("The new password must differ from the current one.");
    }
}
