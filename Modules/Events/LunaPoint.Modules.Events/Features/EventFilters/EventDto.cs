using System.Text.Json;
using LunaPoint.Modules.Events.Domain;

namespace LunaPoint.Modules.Events.Features;

/// <summary>The top match of an event: the best candidate above its list's threshold.</summary>
internal sealed record TopMatchDto(Guid FaceId, Guid? ListId, string? Name, double Similarity);

internal sealed record BoxDto(int X, int Y, int Width, int Height);

/// <summary>An event as the archive lists it.</summary>
internal sealed record EventListItem(
    Guid Id,
    Guid StreamId,
    string? StreamName,
    string? Location,
    DateTimeOffset StartedAt,
    DateTimeOffset CapturedAt,
    DateTimeOffset? EndedAt,
    double Quality,
    BoxDto Bbox,
    double? Age,
    string? Gender,
    string? Liveness,
    TopMatchDto? TopMatch,
    string FaceUrl,
    string ContextUrl,
    string? BodyUrl);

internal sealed record EventCandidateDto(int Rank, Guid FaceId, Guid ListId, string Name, double Similarity);

/// <summary>Everything stored of an event but the descriptor itself (only with <c>?descriptor=true</c>).</summary>
internal sealed record EventDetails(
    Guid Id,
    Guid StreamId,
    string? StreamName,
    string? Location,
    Guid TrackId,
    DateTimeOffset StartedAt,
    DateTimeOffset CapturedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset UpdatedAt,
    int BestShots,
    double Quality,
    BoxDto Bbox,
    int FrameWidth,
    int FrameHeight,
    double? Age,
    string? Gender,
    string? Liveness,
    JsonElement? Estimates,
    TopMatchDto? TopMatch,
    IReadOnlyList<EventCandidateDto> Candidates,
    IReadOnlyList<string> Tags,
    JsonElement? UserData,
    string DescriptorModel,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Descriptor,
    string FaceUrl,
    string ContextUrl,
    string? BodyUrl);

internal static class EventMapping
{
    public static string ImageUrl(Guid id, string image) => $"/api/v1/events/{id}/{image}.jpg";

    public static TopMatchDto? TopMatch(DetectionEvent e) =>
        e.TopFaceId is { } face ? new TopMatchDto(face, e.TopListId, e.TopName, Matching.Similarity.Round(e.TopSimilarity ?? 0)) : null;

    public static EventListItem ToListItem(DetectionEvent e) => new(
        e.Id,
        e.StreamId,
        e.StreamName,
        e.Location,
        e.StartedAt,
        e.CapturedAt,
        e.EndedAt,
        Math.Round(e.Quality, 4),
        new BoxDto(e.BoxX, e.BoxY, e.BoxWidth, e.BoxHeight),
        e.Age,
        e.Gender,
        e.Liveness,
        TopMatch(e),
        ImageUrl(e.Id, "face"),
        ImageUrl(e.Id, "context"),
        e.BodyImagePath is null ? null : ImageUrl(e.Id, "body"));

    /// <summary>Stored JSON as a value to answer; null when absent or (a row written by hand) not JSON.</summary>
    public static JsonElement? ParseJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IReadOnlyList<string> Tags(string? json) =>
        ParseJson(json) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
            : [];
}
