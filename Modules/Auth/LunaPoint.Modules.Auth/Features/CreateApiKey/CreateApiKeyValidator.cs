using FluentValidation;
using LunaPoint.Modules.Auth.Contracts;

namespace LunaPoint.Modules.Auth.Features;

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator(TimeProvider clock, AuthOptions options)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Role).NotEmpty().Must(r => Roles.All.Contains(r)).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.ExpiresAt).Must(e => e is null || e > clock.GetUtcNow()).WithMessage("expiresAt must be in the future.");
        // A key that never expires, or in 8,000 years, is a credential nobody will remember to rotate.
        RuleFor(c => c.ExpiresAt)
            .Must(e => e is null || e <= clock.GetUtcNow().AddDays(options.ApiKeyMaxLifetimeDays))
            .When(_ => options.ApiKeyMaxLifetimeDays > 0)
            .WithMessage($"expiresAt may be at most {options.ApiKeyMaxLifetimeDays} days from now (LunaPoint:Auth:ApiKeyMaxLifetimeDays).");
    }
}
