namespace LunaPoint.Modules.Auth.Domain;

/// <summary>
/// A key for an integration. Only <see cref="Prefix"/> (to find the row) and a hash of the secret are
/// kept; the secret itself is shown once at creation.
/// </summary>
internal sealed class ApiKey
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }
    public required string Prefix { get; init; }
    public required byte[] SecretHash { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
