using System.Text.Json.Nodes;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>A watchlist as the API answers it.</summary>
/// <param name="Faces">Faces in the list.</param>
internal sealed record ListDto(Guid Id, string Name, string? Description, string Color, double Threshold, bool Notify, long Faces, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <param name="Url">The JPEG crop; null for a descriptor imported without a photo.</param>
internal sealed record FacePhotoDto(Guid Id, string? Url, double Quality, string Model, DateTimeOffset CreatedAt);

internal sealed record FaceDto(
    Guid Id,
    string Name,
    string? ExternalId,
    JsonNode? UserData,
    IReadOnlyList<Guid> ListIds,
    IReadOnlyList<FacePhotoDto> Photos,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A face in a list's page of faces: enough for a grid of thumbnails.</summary>
/// <param name="ThumbnailUrl">The best photo's crop; null when the face has only imported descriptors.</param>
internal sealed record FaceSummaryDto(Guid Id, string Name, string? ExternalId, int Photos, string? ThumbnailUrl, DateTimeOffset CreatedAt);

internal static class FaceUrls
{
    public static string Photo(Guid faceId, Guid photoId) => $"/api/v1/faces/{faceId}/photos/{photoId}.jpg";
}
