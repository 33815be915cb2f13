namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>
/// The number of faces with a descriptor, remembered between enrolments so a 1M-line import does not
/// count 1M rows per batch. Only enrolments raise it, and only under <see cref="EnrolmentGate"/>; deletes
/// forget it (the next check counts again). A remembered figure can only be too high after a delete,
/// which refuses early, never lets the licence be passed; a refusal counts again before it is answered.
/// </summary>
internal sealed class FaceCount
{
    private readonly Lock _lock = new();
    private long? _known;

    public long? Known
    {
        get
        {
            lock (_lock)
            {
                return _known;
            }
        }
    }

    public void Set(long value)
    {
        lock (_lock)
        {
            _known = value;
        }
    }

    public void Add(long added)
    {
        lock (_lock)
        {
            _known += added;
        }
    }

    public void Forget()
    {
        lock (_lock)
        {
            _known = null;
        }
    }
}
