using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features;

/// <summary>Changes only what is given. <see cref="Password"/> is an administrator's reset: the user must change it at next sign-in.</summary>
internal sealed record UpdateUser(Guid Id, string? DisplayName = null, string? Role = null, bool? Disabled = null, string? Password = null) : ICommand<UserDto>;

internal sealed class UpdateUserHandler(UserManager<User> users, ICurrentActor actor, ISender sender, TimeProvider clock) : ICommandHandler<UpdateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUser command, CancellationToken cancellationToken)
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
