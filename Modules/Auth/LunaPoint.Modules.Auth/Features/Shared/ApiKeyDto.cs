using LunaPoint.Modules.Auth.Domain;

namespace LunaPoint.Modules.Auth.Features;

internal sealed record ApiKeyDto(
    Guid Id, string Name, string Role, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static ApiKeyDto From(ApiKey k, DateTimeOffset now) =>
        new(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt, k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now));
}
