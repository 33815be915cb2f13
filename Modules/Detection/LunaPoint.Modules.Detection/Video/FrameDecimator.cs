namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// Keeps at most maxAnalysisFps frames per second of source time (a file's media time, a live
/// source's wall time). Each kept frame books the next slot one interval later, so the average never
/// exceeds the limit; a quarter interval of slack keeps a source running at exactly the limit from
/// losing frames to jitter. After a gap (a stall, a slow start) the schedule restarts from the frame.
/// </summary>
internal sealed class FrameDecimator(double maxFps)
{
    private readonly TimeSpan _interval = maxFps > 0 ? TimeSpan.FromSeconds(1 / maxFps) : TimeSpan.Zero;
    private TimeSpan? _due;

    public bool Take(TimeSpan at)
    {
        if (_interval == TimeSpan.Zero)
        {
            return true;
        }

        if (_due is { } due && at < due - _interval / 4)
        {
            return false;
        }

        _due = _due is { } d && at - d < _interval ? d + _interval : at + _interval;
        return true;
    }
}
