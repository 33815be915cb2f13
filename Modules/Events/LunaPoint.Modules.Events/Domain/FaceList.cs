namespace LunaPoint.Modules.Events.Domain;

/// <summary>A watchlist: a named set of faces that events are matched against.</summary>
internal sealed class FaceList
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
