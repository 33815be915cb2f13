namespace LunaPoint.Modules.Streams.Domain;

internal enum StreamType
{
    Rtsp,
    Http,
    Udp,
    Tcp,
    VideoFile,
    Images,
    Webcam,
}

internal enum StreamStatus
{
    Pending,
    InProgress,
    Paused,
    Failed,
    Done,
}

/// <summary>A camera or file the system analyses, with the status its worker reports.</summary>
internal sealed class VideoStream
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? LocationAddress { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public StreamType Type { get; set; }
    public required string Source { get; set; }
    public bool Enabled { get; set; }
    public bool Endless { get; set; }

    /// <summary>Analysis settings (fps, ROI, best shot, health check…) as JSON; shaped in step 3.</summary>
    public required string SettingsJson { get; set; }

    public StreamStatus Status { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastFrameAt { get; set; }
    public double? InputFps { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
