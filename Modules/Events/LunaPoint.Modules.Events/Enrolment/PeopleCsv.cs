using System.Text;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>
/// The optional people CSV of a zip enrolment: <c>file,name,externalId</c> per row (a header row naming
/// <c>file</c> is skipped; quotes as RFC 4180). A row is found by the photo's file name or by the person's
/// key (the file name without extension and _N suffix), any case.
/// </summary>
internal sealed class PeopleCsv
{
    private readonly Dictionary<string, (string Name, string? ExternalId)> _rows = new(StringComparer.OrdinalIgnoreCase);

    public static PeopleCsv Empty { get; } = new();

    public static PeopleCsv Parse(string text)
    {
        var csv = new PeopleCsv();
        foreach (var fields in Rows(text))
        {
            if (fields.Count < 2 || string.IsNullOrWhiteSpace(fields[0]) || (csv._rows.Count == 0 && fields[0].Trim().Equals("file", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            csv._rows[fields[0].Trim()] = (fields[1].Trim(), fields.Count > 2 && fields[2].Trim().Length > 0 ? fields[2].Trim() : null);
        }

        return csv;
    }

    public (string Name, string? ExternalId)? Find(string fileName, string personKey) =>
        _rows.TryGetValue(fileName, out var row) || _rows.TryGetValue(personKey, out row) ? row : null;

    private static IEnumerable<List<string>> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return fields;
        }
    }
}
