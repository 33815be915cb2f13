using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// A folder of images read in ordinal name order; the folder is listed again every
/// <see cref="CaptureOptions.ImagePollMs"/> (polling: a FileSystemWatcher misses changes on network
/// shares and when its buffer overflows), so files added later are read too. A file modified within
/// the last poll interval waits for the next listing (it may still be being written). Undecodable
/// files are logged and skipped. Not endless: finished when every file was read and none came for
/// <see cref="CaptureOptions.ImageQuietMs"/>. A folder that disappears is a failure (the loop retries).
/// Paced at maxAnalysisFps, or as fast as analysis takes them in a batch.
/// </summary>
internal sealed class ImageFolderSource(SourceSpec spec, LocalFileGuard? files, CaptureOptions options, TimeProvider time, ILogger logger) : IFrameSource
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    private DateTimeOffset _listedAt = DateTimeOffset.MinValue;
    // The last time a file was found or handed on: the quiet period counts from there.
    private DateTimeOffset _lastNewFileAt;
    private long _next;
    private long _sequence;

    public double? Fps => spec.Settings.MaxAnalysisFps > 0 ? spec.Settings.MaxAnalysisFps : null;

    public bool IsFinite => !spec.Endless;

    public bool HasWatchdog => false;

    public double LastDecodeMs { get; private set; }

    private TimeSpan Pace => spec.Settings.Batch || Fps is not { } fps ? TimeSpan.Zero : TimeSpan.FromSeconds(1 / fps);

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        // The folder may have been swapped for a symlink out of the media roots since the stream was saved.
        files?.CheckFolder(spec.Source);
        List();
        _lastNewFileAt = time.GetUtcNow();
        _next = time.GetTimestamp();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<VideoFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_pending.Count == 0 || time.GetUtcNow() - _listedAt >= TimeSpan.FromMilliseconds(options.ImagePollMs))
            {
                List();
            }

            if (_pending.Min is { } name)
            {
                _pending.Remove(name);
                if (Decode(name) is { } image)
                {
                    try
                    {
                        await PaceAsync(cancellationToken);
                    }
                    catch
                    {
                        image.Dispose();
                        throw;
                    }

                    _lastNewFileAt = time.GetUtcNow();
                    var index = _sequence++;
                    return new VideoFrame(image, index, time.GetUtcNow(), TimeSpan.FromSeconds(index / (Fps ?? 10)));
                }

                continue;
            }

            if (IsFinite && time.GetUtcNow() - _lastNewFileAt >= TimeSpan.FromMilliseconds(options.ImageQuietMs))
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(10, options.ImagePollMs)), time, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void List()
    {
        var now = time.GetUtcNow();
        _listedAt = now;
        try
        {
            foreach (var file in new DirectoryInfo(spec.Source).EnumerateFiles())
            {
                var settled = now - file.LastWriteTimeUtc >= TimeSpan.FromMilliseconds(options.ImagePollMs);
                if (!file.Name.StartsWith('.') && settled && _seen.Add(file.Name))
                {
                    _pending.Add(file.Name);
                    _lastNewFileAt = now;
                }
            }
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            throw new FrameSourceException(Directory.Exists(spec.Source)
                ? $"the image folder {spec.Source} cannot be read ({ex.GetType().Name})"
                : $"the image folder {spec.Source} does not exist", ex);
        }
    }

    private Mat? Decode(string name)
    {
        var path = Path.Combine(spec.Source, name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Only regular files under a media root: no symlink (to /etc/shadow or a picture elsewhere), FIFO or device.
            if (files is not null && !files.MayRead(path))
            {
                logger.LogWarning("Image {File} skipped: not a regular file under a media root", path);
                return null;
            }

            // Length 0: empty, or not a regular file (a FIFO would block the read for ever).
            var info = new FileInfo(path);
            if (!info.Exists || info.Length == 0 || info.Length > options.MaxImageBytes)
            {
                logger.LogWarning("Image {File} skipped: {Size} bytes (limit {Limit})", path, info.Exists ? info.Length : 0, options.MaxImageBytes);
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            // The size from the header, before decoding: a small PNG may declare 25000x25000 (2.3 GB decoded).
            var header = Features.PhotoHeaders.Read(bytes);
            var refusal = header is null ? "not a decodable image (not a JPEG, PNG, BMP or WebP)" : options.Validate(header.Width, header.Height);
            if (refusal is not null)
            {
                logger.LogWarning("Image {File} skipped: {Problem}", path, refusal);
                return null;
            }

            var image = Cv2.ImDecode(bytes, ImreadModes.Color);
            var problem = image.Empty() ? "not a decodable image" : options.Validate(image.Width, image.Height);
            if (problem is not null)
            {
                image.Dispose();
                logger.LogWarning("Image {File} skipped: {Problem}", path, problem);
                return null;
            }

            LastDecodeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return image;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OpenCVException)
        {
            logger.LogWarning("Image {File} skipped: {Error}", path, ex.Message);
            return null;
        }
    }

    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        var wait = time.GetElapsedTime(time.GetTimestamp(), _next);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        _next = Math.Max(_next, time.GetTimestamp()) + (long)(Pace.TotalSeconds * time.TimestampFrequency);
    }
}
