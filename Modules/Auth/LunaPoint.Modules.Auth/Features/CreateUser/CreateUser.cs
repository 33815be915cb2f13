using LunaPoint.Modules.Auth.Contracts;
using LunaPoint.Modules.Auth.Domain;
using LunaPoint.SharedKernel.Errors;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record CreateUser(string UserName, string Password, string Role, string? DisplayName = null) : ICommand<UserDto>;

internal sealed class CreateUserHandler(UserManager<User> users, ISender sender, TimeProvider clock) : ICommandHandler<CreateUser, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(command.UserName) is not null)
        {
            throw new ConflictException("user.exists", $"A user named '{command.UserName}' already exists.");
        }

        // The administrator chose this password: like a reset, the user must replace it at first sign-in.
        var user = new User { UserName = command.UserName, DisplayName = command.DisplayName, MustChangePassword = true, CreatedAt = clock.GetUtcNow() };
        IdentityErrors.ThrowIfFailed(await users.CreateAsync(user, command.Password), nameof(CreateUser.Password));
        IdentityErrors.ThrowIfFailed(await users.AddToRoleAsync(user, command.Role), nameof(CreateUser.Role));
        var dto = UserDto.From(user, command.Role, clock.GetUtcNow());
        await sender.Send(new RecordAuditEntry(AuthModule.Name, "user.created", Target: $"user {user.UserName}", After: dto), cancellationToken);
        return dto;
    }
}
