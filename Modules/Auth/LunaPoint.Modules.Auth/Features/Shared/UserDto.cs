using LunaPoint.Modules.Auth.Domain;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record UserDto(
    Guid Id,
    string UserName,
    string? DisplayName,
    string Role,
    bool Disabled,
    bool MustChangePassword,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt)
{
    public static UserDto From(User user, string role, DateTimeOffset now) => new(
        user.Id,
        user.UserName!,
        user.DisplayName,
        role,
        user.IsDisabled,
        user.MustChangePassword,
        user.LockoutEnd > now ? user.LockoutEnd : null,
        user.CreatedAt);
}
