namespace LunaPoint.Modules.Events.Domain;

/// <summary>A watchlist: a named set of faces that best shots are matched against, with its own threshold.</summary>
internal sealed class FaceList
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>#rrggbb, how the console marks this list's alerts.</summary>
    public required string Color { get; set; }

    /// <summary>Similarity (0..1, <see cref="Matching.Similarity"/>) a face must reach to match on this list.</summary>
    public double Threshold { get; set; }

    /// <summary>Whether a match on this list should alert (Notifications reads it from the fact).</summary>
    public bool Notify { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
