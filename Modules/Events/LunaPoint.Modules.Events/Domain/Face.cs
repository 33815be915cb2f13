namespace LunaPoint.Modules.Events.Domain;

/// <summary>A known person's face in a list, with the descriptor it is matched by.</summary>
internal sealed class Face
{
    public Guid Id { get; init; }
    public Guid ListId { get; init; }
    public string? ExternalId { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>Descriptor vector as raw little-endian bytes.</summary>
    public required byte[] Descriptor { get; set; }

    /// <summary>Which model produced <see cref="Descriptor"/>; descriptors of different models never compare.</summary>
    public required string DescriptorModel { get; set; }

    public string? ImagePath { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
