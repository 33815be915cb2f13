using FluentValidation;
using FluentValidation.Results;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.Modules.Auth.Features.Token;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features.Passwords;

/// <summary>A user changes their own password, proving the current one (also the way out of a forced change).</summary>
internal sealed record ChangePassword(string UserName, string CurrentPassword, string NewPassword) : ICommand;

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

internal sealed class ChangePasswordHandler(PasswordVerifier verifier, UserManager<User> users, ISender sender) : ICommandHandler<ChangePassword>
{
    public async ValueTask<Unit> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var user = await verifier.VerifyAsync(command.UserName, command.CurrentPassword, setCookie: false, persistent: false, "change-password", cancellationToken)
            ?? throw new UnauthorizedException(PasswordVerifier.Refused);

        var result = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        IdentityErrors.ThrowIfFailed(result, nameof(ChangePassword.NewPassword));
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "password.changed", Target: $"user {user.UserName}", ActorName: user.UserName), cancellationToken);
        return Unit.Value;
    }
}

internal static class IdentityErrors
{
    /// <summary>Identity's refusals (password policy, duplicate name…) as field errors of a 400.</summary>
    public static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldFor(e.Code, field), e.Description)));
        }
    }

    private static string FieldFor(string code, string fallback) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? fallback
        : code.Contains("UserName", StringComparison.Ordinal) ? "UserName"
        : fallback;
}
