using FluentValidation;
using LunaPoint.Modules.Auth.Domain;

namespace LunaPoint.Modules.Auth.Features;

internal sealed class IssueTokenValidator : AbstractValidator<IssueToken>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(UserRules.MaxUserNameLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(UserRules.MaxPasswordLength);
    }
}
