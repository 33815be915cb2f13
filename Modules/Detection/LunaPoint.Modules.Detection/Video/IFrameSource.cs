namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// One opened video source: an ffmpeg child process or an image folder. Made fresh for every
/// (re)connect by <see cref="FrameSourceFactory"/>; disposing it releases everything it started.
/// Failures are <see cref="FrameSourceException"/>s whose message is the reason shown on the stream.
/// </summary>
internal interface IFrameSource : IAsyncDisposable
{
    /// <summary>Frames per second the source declares (known after opening), or null.</summary>
    double? Fps { get; }

    /// <summary>Whether its end means "finished" (a non-endless file or folder) rather than a failure.</summary>
    bool IsFinite { get; }

    /// <summary>Whether a long wait for a frame is a stall; an image folder waiting for new files is not.</summary>
    bool HasWatchdog { get; }

    /// <summary>Time the last frame took from its first byte to a ready <c>Mat</c> (waiting for the source excluded).</summary>
    double LastDecodeMs { get; }

    ValueTask OpenAsync(CancellationToken cancellationToken);

    /// <returns>The next frame, or null when the source ended.</returns>
    ValueTask<VideoFrame?> ReadAsync(CancellationToken cancellationToken);
}
