using Mediator;

namespace LunaPoint.Modules.Events.Contracts;

/// <summary>How many watchlist faces carry a descriptor (what the licence limits).</summary>
public sealed record CountFacesWithDescriptors : IQuery<long>;

/// <summary>Of the given list ids, those that do not exist (Streams checks <c>settings.listIds</c> with it).</summary>
public sealed record FindMissingLists(IReadOnlyCollection<Guid> ListIds) : IQuery<IReadOnlyList<Guid>>;

/// <summary>A watchlist face a best shot matched, above its list's threshold.</summary>
/// <param name="Similarity">0..1 (see docs/matching.md for the mapping from cosine).</param>
/// <param name="ListColor">#rrggbb, how the console marks the list.</param>
/// <param name="Notify">The list's notify flag.</param>
public sealed record MatchedFace(Guid FaceId, string Name, string? ExternalId, Guid ListId, string ListName, string ListColor, bool Notify, double Similarity);

/// <summary>What Notifications needs to know of the shot itself, whatever matched.</summary>
/// <param name="Liveness">real, spoof or unknown when liveness was estimated; null otherwise.</param>
/// <param name="Gender">female or male when attributes were estimated; null otherwise.</param>
public sealed record EventShot(
    Guid EventId,
    Guid StreamId,
    string? StreamName,
    string? Location,
    Guid TrackId,
    DateTimeOffset CapturedAt,
    byte[] FaceJpeg,
    double Quality,
    double? Age,
    string? Gender,
    string? Liveness,
    double? LivenessScore);

/// <summary>
/// A best shot matched one or more watchlist faces. Published once per track and face when the match first
/// appears (a later, better shot of the same track matching the same face does not publish again).
/// </summary>
/// <param name="Candidates">Every face above its list's threshold, best first; the first is the top match.</param>
public sealed record WatchlistMatched(EventShot Shot, IReadOnlyList<MatchedFace> Candidates) : INotification
{
    public MatchedFace TopMatch => Candidates[0];
}

/// <summary>A track's first best shot matched no watchlist face (published once per track).</summary>
public sealed record UnknownFaceSeen(EventShot Shot) : INotification;

/// <summary>An enrolled photo of a face (for alerts that show it next to the shot); null when the face or photo is gone.</summary>
public sealed record GetFacePhoto(Guid FaceId) : IQuery<FacePhotoImage?>;

public sealed record FacePhotoImage(Guid FaceId, Guid PhotoId, byte[] Jpeg);

/// <summary>A watchlist's id and name, for pickers in other modules' pages (the stream form).</summary>
public sealed record WatchlistName(Guid Id, string Name);

/// <summary>Every watchlist's id and name, by name (at most 1,000).</summary>
public sealed record GetWatchlistNames : IQuery<IReadOnlyList<WatchlistName>>;
