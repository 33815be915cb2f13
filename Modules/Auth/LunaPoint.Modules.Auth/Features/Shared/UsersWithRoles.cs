using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Domain;
using Microsoft.EntityFrameworkCore;

namespace LunaPoint.Modules.Auth.Features;

/// <summary>Users joined with their (single) role, for the user queries to filter and page in the database.</summary>
internal static class UsersWithRoles
{
    public static IQueryable<UserWithRole> Query(AuthDbContext db) =>
        from user in db.Users.AsNoTracking()
        select new UserWithRole
        {
            User = user,
            Role = (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id where link.UserId == user.Id select role.Name).FirstOrDefault(),
        };
}

// A member-initialised class, not a positional record: EF can filter on its members after projection.
internal sealed class UserWithRole
{
    public required User User { get; init; }

    public string? Role { get; init; }
}
