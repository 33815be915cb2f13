namespace LunaPoint.Modules.Events.Domain;

/// <summary>A known person: matched by the descriptors of their <see cref="FacePhoto"/>s, a member of one or more lists.</summary>
internal sealed class Face
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public string? ExternalId { get; set; }

    /// <summary>Free-form JSON the client stores with the face (validated as JSON, size-limited).</summary>
    public string? UserDataJson { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A face's membership in a list (table <c>list_faces</c>).</summary>
internal sealed class ListMember
{
    public Guid ListId { get; init; }
    public Guid FaceId { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}

/// <summary>
/// One photo of a face and the descriptor extracted from it. Imported descriptors (NDJSON) have no
/// image: <see cref="ImagePath"/> is null.
/// </summary>
internal sealed class FacePhoto
{
    public Guid Id { get; init; }
    public Guid FaceId { get; init; }

    /// <summary>512 little-endian float32 (<see cref="Matching.DescriptorCodec"/>), L2-normalised.</summary>
    public required byte[] Descriptor { get; init; }

    /// <summary>Which model produced the descriptor; descriptors of different models never compare.</summary>
    public required string DescriptorModel { get; init; }

    /// <summary>The aligned face crop in the image store (relative path), null for imported descriptors.</summary>
    public string? ImagePath { get; init; }

    public double Quality { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
