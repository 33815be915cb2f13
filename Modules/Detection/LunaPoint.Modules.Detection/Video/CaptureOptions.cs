namespace LunaPoint.Modules.Detection.Video;

/// <summary>Host-wide capture settings (<c>LunaPoint:Detection:Capture</c>; ffmpeg's path is <c>LunaPoint:Detection:FfmpegPath</c>).</summary>
internal sealed class CaptureOptions
{
    public const string Section = "LunaPoint:Detection:Capture";

    public const string FfmpegPathKey = "LunaPoint:Detection:FfmpegPath";

    /// <summary>ffmpeg to run; empty = the first <c>ffmpeg</c> on PATH (Debian's /usr/bin/ffmpeg).</summary>
    public string? FfmpegPath { get; set; }

    /// <summary>Larger frames are refused (a 20000x20000 stream would take 1.2 GB per frame).</summary>
    public int MaxFrameWidth { get; set; } = 8192;

    public int MaxFrameHeight { get; set; } = 8192;

    public long MaxFramePixels { get; set; } = 40_000_000;

    /// <summary>ffmpeg's stream probing for live sources: ffmpeg's own defaults (5 s, 5 MB) delay the first frame by seconds.</summary>
    public int LiveAnalyzeDurationMs { get; set; } = 500;

    public int LiveProbeSizeBytes { get; set; } = 500_000;

    /// <summary>How often an image folder is listed again for new files.</summary>
    public int ImagePollMs { get; set; } = 500;

    /// <summary>A non-endless image folder is finished when all its files were read and none came for this long.</summary>
    public int ImageQuietMs { get; set; } = 2000;

    /// <summary>Image files bigger than this are skipped unread.</summary>
    public long MaxImageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A source that streamed this long starts its next failure from the first backoff step again.</summary>
    public int StableAfterMs { get; set; } = 10_000;

    public string? Validate(int width, int height) =>
        width <= 0 || height <= 0 ? $"the picture has no size ({width}x{height})"
        : width > MaxFrameWidth || height > MaxFrameHeight || (long)width * height > MaxFramePixels
            ? $"the picture is {width}x{height}, larger than the limit of {MaxFrameWidth}x{MaxFrameHeight} and {MaxFramePixels / 1_000_000.0:0.#} MP ({Section})"
            : null;
}
