using LunaPoint.Modules.Auth.Domain;

namespace LunaPoint.Modules.Auth.Features;

/// <param name="Owner">User name of the person the key acts for; null when unknown.</param>
/// <param name="Active">Whether the key works now: not revoked, not expired, and its owner may still use it.</param>
internal sealed record ApiKeyDto(
    Guid Id, string Name, string Role, string Prefix, Guid OwnerId, string? Owner, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static ApiKeyDto From(ApiKey k, DateTimeOffset now, string? owner = null, bool ownerMayUse = true) =>
        new(k.Id, k.Name, k.Role, k.Prefix, k.CreatedBy, owner, k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt,
            ownerMayUse && k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now));
}
