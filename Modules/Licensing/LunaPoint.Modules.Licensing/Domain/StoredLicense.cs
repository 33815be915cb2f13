namespace LunaPoint.Modules.Licensing.Domain;

/// <summary>
/// An uploaded licence exactly as signed. Only one is active; earlier ones stay for the record and so a
/// rejected upload never loses the licence in force.
/// </summary>
internal sealed class StoredLicense
{
    public Guid Id { get; init; }
    public required string Document { get; init; }
    public required string Signature { get; init; }
    public required string Licensee { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public bool IsActive { get; set; }
}
