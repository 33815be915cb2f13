using LunaPoint.Modules.Events.Enrolment;

namespace LunaPoint.Modules.Events.Features;

/// <summary>The counts and the first errors of one import as it goes.</summary>
internal sealed class ImportRun(int maxErrors)
{
    private readonly List<LineError> _errors = [];
    private bool _truncated;

    public long Lines { get; set; }
    public long Imported { get; set; }
    public long Failed { get; private set; }
    public long Refused { get; private set; }

    public void Fail(int line, string field, string error)
    {
        Failed++;
        Note(new LineError(line, field, error));
    }

    public void Refuse(int line, string field, string error)
    {
        Refused++;
        Note(new LineError(line, field, error));
    }

    public ImportReport Report() => new(Lines, Imported, Failed, Refused, [.. _errors.OrderBy(e => e.Line)], _truncated);

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
