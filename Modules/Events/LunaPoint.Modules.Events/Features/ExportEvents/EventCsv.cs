using System.Globalization;
using System.Text;

namespace LunaPoint.Modules.Events.Features;

/// <summary>
/// CSV (RFC 4180) of exported events. Text a person or camera named (stream name, location, face name)
/// reaches spreadsheets: a cell starting with = + - @ tab or CR would run as a formula, so it gets a
/// leading apostrophe (OWASP's CSV-injection advice).
/// </summary>
internal static class EventCsv
{
    public const string Header = "id,startedAt,capturedAt,endedAt,streamId,streamName,location,quality,bboxX,bboxY,bboxWidth,bboxHeight,"
        + "age,gender,liveness,topFaceId,topListId,topName,topSimilarity,faceUrl,contextUrl";

    public static string Row(EventListItem e)
    {
        var cells = new[]
        {
            e.Id.ToString(), Time(e.StartedAt), Time(e.CapturedAt), e.EndedAt is { } ended ? Time(ended) : "",
            e.StreamId.ToString(), e.StreamName ?? "", e.Location ?? "", Number(e.Quality),
            Number(e.Bbox.X), Number(e.Bbox.Y), Number(e.Bbox.Width), Number(e.Bbox.Height),
            e.Age is { } age ? Number(age) : "", e.Gender ?? "", e.Liveness ?? "",
            e.TopMatch?.FaceId.ToString() ?? "", e.TopMatch?.ListId?.ToString() ?? "", e.TopMatch?.Name ?? "",
            e.TopMatch is { } top ? Number(top.Similarity) : "", e.FaceUrl, e.ContextUrl,
        };
        return string.Join(',', cells.Select(Cell));
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
