namespace LunaPoint.Modules.Detection.Video;

/// <summary>Disposes a frame unless it was handed on: a skipped frame, or one caught by an exception, never leaks its Mat.</summary>
internal sealed class FrameOwnership(VideoFrame frame) : IDisposable
{
    private VideoFrame? _frame = frame;

    public VideoFrame HandOver()
    {
        var handed = _frame ?? throw new InvalidOperationException("The frame was already handed on.");
        _frame = null;
        return handed;
    }

    public void Dispose() => _frame?.Dispose();
}
