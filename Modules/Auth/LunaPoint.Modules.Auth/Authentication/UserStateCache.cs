using LunaPoint.Modules.Auth.Data;
using LunaPoint.Modules.Auth.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>What every bearer token and API key is checked against: the user's stamp, state and role.</summary>
internal sealed record UserState(string? SecurityStamp, bool Disabled, string? Role);

/// <summary>
/// Keeps <see cref="UserState"/> for up to 30 s, so a bearer or API-key request does not read the user row
/// each time. <see cref="LunaUserManager"/> drops the entry on every change it saves (role, disable,
/// password), so in this process a change takes effect at once; another instance sees it within 30 s.
/// </summary>
internal sealed class UserStateCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>The user's state, or null when no such user exists.</summary>
    public async Task<UserState?> GetAsync(Guid userId, AuthDbContext db, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out UserState? cached))
        {
            return cached;
        }

        var row = await UsersWithRoles.Query(db)
            .Where(r => r.User.Id == userId)
            .Select(r => new UserState(r.User.SecurityStamp, r.User.IsDisabled, r.Role))
            .FirstOrDefaultAsync(cancellationToken);
        cache.Set(Key(userId), row, Lifetime);
        return row;
    }

    public void Invalidate(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"auth:user-state:{userId:N}";
}
