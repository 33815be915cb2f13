using LunaPoint.Modules.Auth.Authentication;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features;

/// <summary>
/// Changes only what is given. <see cref="Password"/> is an administrator's reset: the user must change it at
/// next sign-in. <see cref="Unlock"/> ends a lockout after failed sign-ins; a reset and an enable do too.
/// </summary>
internal sealed record UpdateUser(Guid Id, string? DisplayName = null, string? Role = null, bool? Disabled = null, string? Password = null, bool? Unlock = null)
    : ICommand<UserDto>;

internal sealed class UpdateUserHandler(UserManager<User> users, AuthDbContext db, AdministratorGuard guard, UserStateCache states, ICurrentActor actor, ISender sender, TimeProvider clock)
    : ICommandHandler<UpdateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        // A role change or a disablement may take away an administrator: the user is read, the remaining
        // administrators counted and the change written under the guard, all in one transaction.
        if (command.Role is null && command.Disabled != true)
        {
            return await ChangeAsync(command, cancellationToken);
        }

        await using var lease = await guard.EnterAsync(db, cancellationToken);
        var changed = await ChangeAsync(command, cancellationToken);
        await lease.CommitAsync(cancellationToken);
        // The user manager dropped the cached state before the commit; a request in between may have cached
        // the old state again, so drop it once more now that the change is visible.
        states.Invalidate(command.Id);
        return changed;
    }

    private async Task<UserDto> ChangeAsync(UpdateUser command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("User", command.Id);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var before = UserDto.From(user, role, clock.GetUtcNow());
        await GuardLastAdministratorAsync(user, role, command);

        if (command.DisplayName is not null)
        {
            user.DisplayName = command.DisplayName.Length == 0 ? null : command.DisplayName;
        }

        // Only what changes someone's access renews the stamp (ending their tokens and sessions): a new
        // display name must not sign anyone out.
        var accessChanged = false;
        // Anyone can lock an account with wrong passwords; an administrator must be able to undo that, and
        // giving someone a new password or their account back means they should be able to use it.
        if (command.Unlock == true || command.Password is not null || (command.Disabled == false && user.IsDisabled))
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        if (command.Disabled is { } disabled && disabled != user.IsDisabled)
        {
            user.IsDisabled = disabled;
            accessChanged = true;
        }

        if (command.Role is not null && command.Role != role)
        {
            accessChanged = true;
            IdentityErrors.ThrowIfFailed(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), nameof(UpdateUser.Role));
            IdentityErrors.ThrowIfFailed(await users.AddToRoleAsync(user, command.Role), nameof(UpdateUser.Role));
            role = command.Role;
        }

        if (command.Password is not null)
        {
            // Resetting the password renews the stamp itself.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            IdentityErrors.ThrowIfFailed(await users.ResetPasswordAsync(user, token, command.Password), nameof(UpdateUser.Password));
            user.MustChangePassword = true;
        }

        IdentityErrors.ThrowIfFailed(await users.UpdateAsync(user), "User");
        if (accessChanged)
        {
            IdentityErrors.ThrowIfFailed(await users.UpdateSecurityStampAsync(user), "User");
        }

        var after = UserDto.From(user, role, clock.GetUtcNow());
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "user.updated", Target: $"user {user.UserName}", Before: before, After: after), cancellationToken);
        return after;
    }

    private async Task GuardLastAdministratorAsync(User user, string role, UpdateUser command)
    {
        if (command.Disabled == true && user.Id == actor.UserId)
        {
            throw new ConflictException("user.selfDisable", "You cannot disable your own account.");
        }

        var losesAdministrator = role == Roles.Administrator && (command.Disabled == true || (command.Role is not null && command.Role != Roles.Administrator));
        if (losesAdministrator)
        {
            var activeAdministrators = (await users.GetUsersInRoleAsync(Roles.Administrator)).Count(u => !u.IsDisabled);
            if (activeAdministrators <= 1)
            {
                throw new ConflictException("user.lastAdministrator", "This is the last active administrator; make another administrator first.");
            }
        }
    }
}
