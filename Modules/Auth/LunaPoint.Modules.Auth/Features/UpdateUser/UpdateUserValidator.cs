using FluentValidation;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;

namespace LunaPoint.Modules.Auth.Features;

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.Role).Must(r => r is null || Roles.All.Contains(r)).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.Password).MinimumLength(UserRules.MinPasswordLength).MaximumLength(UserRules.MaxPasswordLength).When(c => c.Password is not null);
        RuleFor(c => c.DisplayName).MaximumLength(UserRules.MaxDisplayNameLength);
    }
}
