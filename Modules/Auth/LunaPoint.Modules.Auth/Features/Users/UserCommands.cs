using FluentValidation;
using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.Modules.Auth.Features.Passwords;
using LunaPoint.SharedKernel.Errors;
using LunaPoint.SharedKernel.Security;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features.Users;

internal sealed record CreateUser(string UserName, string Password, string Role, string? DisplayName = null) : ICommand<UserDto>;

/// <summary>Changes only what is given. <see cref="Password"/> is an administrator's reset: the user must change it at next sign-in.</summary>
internal sealed record UpdateUser(Guid Id, string? DisplayName = null, string? Role = null, bool? Disabled = null, string? Password = null) : ICommand<UserDto>;

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

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.Role).Must(r => r is null || Roles.All.Contains(r)).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.Password).MinimumLength(UserRules.MinPasswordLength).MaximumLength(UserRules.MaxPasswordLength).When(c => c.Password is not null);
        RuleFor(c => c.DisplayName).MaximumLength(UserRules.MaxDisplayNameLength);
    }
}

internal sealed class CreateUserHandler(UserManager<User> users, ISender sender, TimeProvider clock) : ICommandHandler<CreateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(command.UserName) is not null)
        {
            throw new ConflictException("user.exists", $"A user named '{command.UserName}' already exists.");
        }

        var user = new User { UserName = command.UserName, DisplayName = command.DisplayName, CreatedAt = clock.GetUtcNow() };
        IdentityErrors.ThrowIfFailed(await users.CreateAsync(user, command.Password), nameof(CreateUser.Password));
        IdentityErrors.ThrowIfFailed(await users.AddToRoleAsync(user, command.Role), nameof(CreateUser.Role));
        var dto = UserDto.From(user, command.Role, clock.GetUtcNow());
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "user.created", Target: $"user {user.UserName}", After: dto), cancellationToken);
        return dto;
    }
}

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

        if (command.Disabled is { } disabled)
        {
            user.IsDisabled = disabled;
        }

        if (command.Role is not null && command.Role != role)
        {
            IdentityErrors.ThrowIfFailed(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), nameof(UpdateUser.Role));
            IdentityErrors.ThrowIfFailed(await users.AddToRoleAsync(user, command.Role), nameof(UpdateUser.Role));
            role = command.Role;
        }

        if (command.Password is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            IdentityErrors.ThrowIfFailed(await users.ResetPasswordAsync(user, token, command.Password), nameof(UpdateUser.Password));
            user.MustChangePassword = true;
        }

        IdentityErrors.ThrowIfFailed(await users.UpdateAsync(user), "User");
        // A new stamp ends the user's tokens and sessions, so a role change or a disable takes effect now.
        await users.UpdateSecurityStampAsync(user);
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
