using Mediator;

namespace LunaPoint.Modules.Events.Ingestion;

/// <summary>What one batch does beyond its rows: files to write before the commit, and what follows the commit.</summary>
internal sealed class BatchOutcome
{
    public List<(string Path, byte[] Jpeg)> NewFiles { get; } = [];

    /// <summary>Images of replaced shots, deleted only once the rows no longer point at them.</summary>
    public List<string> OldFiles { get; } = [];

    public List<(DateOnly Day, Guid EventId, Guid StreamId, float[] Descriptor)> IndexUpdates { get; } = [];

    /// <summary>Facts to publish once the rows are committed, in shot order.</summary>
    public List<INotification> Facts { get; } = [];

    /// <summary>(track, face) pairs announced by this batch, remembered after the commit.</summary>
    public List<(Guid TrackId, Guid FaceId)> Announced { get; } = [];

    public List<Guid> EndedTracks { get; } = [];

    public int Shots { get; set; }

    /// <summary>Shots per stream that no longer exists, stored unmatched and announced to no one.</summary>
    public Dictionary<Guid, int> OrphanShots { get; } = [];
}
