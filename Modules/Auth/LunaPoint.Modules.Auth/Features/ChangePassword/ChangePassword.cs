using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features;

/// <summary>A user changes their own password, proving the current one (also the way out of a forced change).</summary>
internal sealed record ChangePassword(string UserName, string CurrentPassword, string NewPassword) : ICommand;

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
