using LunaPoint.Modules.Events.Enrolment;

namespace LunaPoint.Modules.Events.Features;

/// <summary>The counts and the first errors of one import as it goes (the reader and one batch writer report at once: locked).</summary>
internal sealed class ImportRun(int maxErrors)
{
    private readonly Lock _lock = new();
    private readonly List<LineError> _errors = [];
    private bool _truncated;

    public long Lines { get; set; }
    public long Imported { get; private set; }
    public long Failed { get; private set; }
    public long Refused { get; private set; }

    public void Add(int imported)
    {
        lock (_lock)
        {
            Imported += imported;
        }
    }

    public void Fail(int line, string field, string error)
    {
        lock (_lock)
        {
            Failed++;
            Note(new LineError(line, field, error));
        }
    }

    public void Refuse(int line, string field, string error)
    {
        lock (_lock)
        {
            Refused++;
            Note(new LineError(line, field, error));
        }
    }

    public ImportReport Report()
    {
        lock (_lock)
        {
            return new(Lines, Imported, Failed, Refused, [.. _errors.OrderBy(e => e.Line)], _truncated);
        }
    }

    private void Note(LineError error)
    {
        if (_errors.Count < maxErrors)
        {
            _errors.Add(error);
        }
        else
        {
            _truncated = true;
        }
    }
}
