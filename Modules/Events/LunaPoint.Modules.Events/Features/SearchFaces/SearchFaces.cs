using Mediator;

namespace LunaPoint.Modules.Events.Features;

internal enum SearchTarget
{
    Faces,
    Events,
}

/// <summary>What a search looks for: exactly one of a photo, a descriptor, an event or a face.</summary>
internal abstract record SearchSource
{
    internal sealed record Photo(byte[] Bytes, int? FaceIndex) : SearchSource;

    internal sealed record Descriptor(float[] Values) : SearchSource;

    internal sealed record Event(Guid EventId) : SearchSource;

    internal sealed record Face(Guid FaceId) : SearchSource;
}

/// <param name="Threshold">Similarity (0..1) a candidate must reach; 0 keeps every one.</param>
/// <param name="Filter">For events: the archive's filters (its faceId filter is not used: faceId is a source here).</param>
internal sealed record SearchFaces(SearchSource Source, SearchTarget Target, int Limit = SearchFaces.DefaultLimit, double Threshold = 0, EventFilter? Filter = null)
    : IQuery<SearchResult>
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
}

/// <summary>One face of a watchlist, per list it is in (a face in two lists can come twice, once per list).</summary>
/// <param name="PhotoUrl">The matched photo's JPEG; null for an imported descriptor (it has no image).</param>
internal sealed record FaceCandidate(double Similarity, Guid FaceId, Guid ListId, string ListName, string Name, string? ExternalId, Guid PhotoId, string? PhotoUrl);

internal sealed record EventCandidate(
    double Similarity,
    Guid EventId,
    Guid StreamId,
    string? StreamName,
    string? Location,
    DateTimeOffset StartedAt,
    TopMatchDto? TopMatch,
    string FaceUrl);

/// <param name="DescribeMs">Time to get the query's descriptor (detect + extract for a photo).</param>
/// <param name="MatchMs">Time in the index and reading the candidates' rows.</param>
internal sealed record SearchResult(IReadOnlyList<FaceCandidate> Faces, IReadOnlyList<EventCandidate> Events, double DescribeMs, double MatchMs);
