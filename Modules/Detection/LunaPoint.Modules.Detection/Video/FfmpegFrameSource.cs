using System.Diagnostics;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// A source read through an ffmpeg child process (network streams, webcams, video files): ffmpeg's
/// stderr names the raw frame size before the first frame, then fixed-size BGR frames are read from its
/// stdout into one reused buffer and copied once into each frame's <c>Mat</c>.
/// </summary>
internal sealed class FfmpegFrameSource(
    SourceSpec spec, FfmpegLauncher launcher, NetworkSourceGuard? guard, LocalFileGuard? files, CaptureOptions options, TimeProvider time, TimeSpan openAttempt) : IFrameSource
{
    private FfmpegProcess? _process;
    private PinnedFile? _file;
    private byte[] _buffer = [];
    private int _width;
    private int _height;
    private long _sequence;

    public double? Fps { get; private set; }

    public bool IsFinite => IsFile && !spec.Endless;

    public bool HasWatchdog => true;

    public double LastDecodeMs { get; private set; }

    private bool IsFile => spec.Type.Equals("videofile", StringComparison.OrdinalIgnoreCase);

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        CheckLocal();
        string?[] transports = spec.Type.Equals("rtsp", StringComparison.OrdinalIgnoreCase)
            ? spec.Settings.RtspTransport?.ToLowerInvariant() switch
            {
                "udp" => ["udp"],
                "auto" => ["tcp", "udp"],
                _ => ["tcp"],
            }
            : [null];
        for (var i = 0; i < transports.Length; i++)
        {
            var last = i == transports.Length - 1;
            try
            {
                await StartAsync(transports[i], last ? Timeout.InfiniteTimeSpan : openAttempt, cancellationToken);
                return;
            }
            catch (FrameSourceException) when (!last && !cancellationToken.IsCancellationRequested)
            {
                // "auto": the camera refused RTP over TCP (or said nothing in time); UDP next.
                await DisposeProcessAsync();
            }
        }
    }

    public async ValueTask<VideoFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException("The source is not open.");
        // Killing ffmpeg closes the pipe, which ends a read that the token alone might not interrupt.
        await using var kill = cancellationToken.Register(static p => ((FfmpegProcess)p!).Kill(), process);
        var filled = await process.Stdout.ReadAsync(_buffer, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        while (filled > 0 && filled < _buffer.Length)
        {
            var n = await process.Stdout.ReadAsync(_buffer.AsMemory(filled), cancellationToken);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (filled < _buffer.Length)
        {
            return await EndAsync(process);
        }

        var image = new Mat(_height, _width, MatType.CV_8UC3);
        Marshal.Copy(_buffer, 0, image.Data, _buffer.Length);
        LastDecodeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var index = _sequence++;
        TimeSpan? mediaTime = IsFile ? TimeSpan.FromSeconds(index / (Fps ?? 25)) : null;
        return new VideoFrame(image, index, time.GetUtcNow(), mediaTime);
    }

    public ValueTask DisposeAsync() => DisposeProcessAsync();

    private void CheckLocal()
    {
        if (IsFile && !File.Exists(spec.Source))
        {
            throw new FrameSourceException($"the video file {spec.Source} does not exist");
        }

        if (spec.Type.Equals("webcam", StringComparison.OrdinalIgnoreCase) && FfmpegCommand.WebcamDevice(spec.Source) is var device && !File.Exists(device))
        {
            throw new FrameSourceException($"the webcam device {device} does not exist");
        }
    }

    private async Task StartAsync(string? transport, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (guard is not null)
        {
            // Right before each launch, so the window for a re-pointed name stays short.
            await guard.CheckAsync(spec.Source, cancellationToken);
        }

        if (IsFile && files is not null)
        {
            // Judged and opened again on every start: the file may have been swapped since the stream was saved.
            _file?.Dispose();
            _file = files.Pin(spec.Source);
        }

        var process = _process = launcher.Start(FfmpegCommand.For(spec, transport, options, _file?.ProcPath));
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(limit);
        bool described;
        try
        {
            described = await process.OutputKnownAsync(attempt.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FrameSourceException($"no picture over {transport} within {limit.TotalSeconds:0.#} s");
        }

        if (!described)
        {
            await process.WaitForExitAsync(TimeSpan.FromSeconds(2));
            throw new FrameSourceException(FfmpegFailure.Reason(spec, process.Stderr.Errors(), "ffmpeg could not open the source"));
        }

        var (width, height, fps) = process.Stderr.Output!.Value;
        if (options.Validate(width, height) is { } tooLarge)
        {
            throw new FrameSourceException(tooLarge);
        }

        (_width, _height, Fps) = (width, height, fps);
        _buffer = new byte[checked(width * height * 3)];
    }

    private async Task<VideoFrame?> EndAsync(FfmpegProcess process)
    {
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(5));
        if (exit == 0)
        {
            return null;
        }

        throw new FrameSourceException(FfmpegFailure.Reason(spec, process.Stderr.Errors(), exit is null ? "ffmpeg stopped sending frames" : $"ffmpeg ended (exit code {exit})"));
    }

    private async ValueTask DisposeProcessAsync()
    {
        if (Interlocked.Exchange(ref _process, null) is { } process)
        {
            await process.DisposeAsync();
        }

        // Only once ffmpeg is gone: it reads the file through the host's descriptor.
        Interlocked.Exchange(ref _file, null)?.Dispose();
    }
}
