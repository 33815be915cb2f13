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

    /// <summary>
    /// Concurrency token, renewed on every save (StreamsDbContext): a worker's report racing an
    /// operator's stop cannot silently overwrite it; the loser reloads or gets 409.
    /// </summary>
    public Guid Version { get; set; }

    /// <summary>Analysis (re)starts from pending; an error of the previous run no longer applies.</summary>
    public void Enable()
    {
        Enabled = true;
        LastError = null;
    }

    /// <summary>Nothing is analysed any more, so no input rate is measured.</summary>
    public void Disable()
    {
        Enabled = false;
        InputFps = null;
    }

    /// <summary>
    /// Applies a worker's report unless the stream is disabled or paused: the worker of a stopped (or
    /// licence-paused) stream is shutting down, and its late "in progress" must not bring the stream back to life.
    /// </summary>
    /// <returns>Whether the report was applied (the caller then moves the status to <paramref name="reported"/>).</returns>
    public bool TryApplyReport(StreamStatus reported, string? reason, DateTimeOffset? lastFrameAt, double? inputFps)
    {
        if (!Enabled || Status == StreamStatus.Paused)
        {
            return false;
        }

        LastFrameAt = lastFrameAt ?? LastFrameAt;
        InputFps = inputFps ?? InputFps;
        LastError = reported switch
        {
            StreamStatus.Failed => reason,
            StreamStatus.InProgress or StreamStatus.Done => null, // recovered or finished: the error is history (it stays in the log)
            _ => LastError,
        };
        return true;
    }
}
