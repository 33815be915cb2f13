using OpenCvSharp;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// One decoded frame (BGR, 8 bits per channel). Whoever holds it last disposes it: the frame queue
/// disposes the frames it drops, the analysis loop the ones it took.
/// </summary>
/// <param name="Sequence">0, 1, 2… per opened source; restarts after a reconnect.</param>
/// <param name="CapturedAt">Wall-clock time the frame was read.</param>
/// <param name="MediaTime">Position in a file (frame index / fps); null for live sources.</param>
internal sealed record VideoFrame(Mat Image, long Sequence, DateTimeOffset CapturedAt, TimeSpan? MediaTime) : IDisposable
{
    public int Width => Image.Width;

    public int Height => Image.Height;

    public void Dispose() => Image.Dispose();
}
