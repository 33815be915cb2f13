using FluentValidation;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;

namespace LunaPoint.Modules.Auth.Features;

internal sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(UserRules.MaxUserNameLength)
            .Matches("^[A-Za-z0-9._@+-]+$").WithMessage("User name may contain only letters, digits and . _ @ + -");
        RuleFor(c => c.Password).NotEmpty().MinimumLength(UserRules.MinPasswordLength).MaximumLength(UserRules.MaxPasswordLength);
        RuleFor(c => c.Role).NotEmpty().Must(r => Roles.All.Contains(r)).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.DisplayName).MaximumLength(UserRules.MaxDisplayNameLength);
    }
}
