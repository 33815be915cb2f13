using System.Globalization;
using System.Text.RegularExpressions;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// What ffmpeg says on stderr (run with <c>-loglevel level+info</c>, so every line carries its level):
/// the output stream line gives the raw frame size before the first frame is written, and the last
/// error lines become the failure reason.
/// </summary>
internal sealed partial class FfmpegStderr
{
    private const int Kept = 6;
    private readonly Queue<string> _errors = new();
    private readonly Lock _lock = new();
    private bool _inOutput;

    /// <summary>Width, height and declared fps of the raw output, once ffmpeg printed them.</summary>
    public (int Width, int Height, double? Fps)? Output { get; private set; }

    /// <returns>true when this line completed <see cref="Output"/>.</returns>
    public bool Add(string line)
    {
        if (line.StartsWith("[error]", StringComparison.Ordinal) || line.StartsWith("[fatal]", StringComparison.Ordinal) || ErrorPrefix().IsMatch(line))
        {
            lock (_lock)
            {
                _errors.Enqueue(Clean(line));
                if (_errors.Count > Kept)
                {
                    _errors.Dequeue();
                }
            }

            return false;
        }

        if (Output is not null)
        {
            return false;
        }

        if (line.Contains("Output #0", StringComparison.Ordinal))
        {
            _inOutput = true;
            return false;
        }

        if (!_inOutput || OutputStream().Match(line) is not { Success: true } m)
        {
            return false;
        }

        var fps = FpsPart().Match(line);
        Output = (int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture),
            fps.Success && double.TryParse(fps.Groups["fps"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 ? f : null);
        return true;
    }

    /// <summary>ffmpeg's last error lines, most recent last, or null when it reported none.</summary>
    public string? Errors()
    {
        lock (_lock)
        {
            return _errors.Count == 0 ? null : string.Join("; ", _errors.Distinct());
        }
    }

    /// <summary>"[tcp @ 0x55…] [error] Connection refused" → "Connection refused"; pointers say nothing to a user.</summary>
    private static string Clean(string line) => Prefixes().Replace(line, "").Trim();

    [GeneratedRegex(@"^(\[[^\]]+ @ 0x[0-9a-f]+\] )?\[(error|fatal)\]")]
    private static partial Regex ErrorPrefix();

    [GeneratedRegex(@"(\[[^\]]+ @ 0x[0-9a-f]+\] ?|\[(error|fatal|warning|info)\] ?)")]
    private static partial Regex Prefixes();

    [GeneratedRegex(@"Stream #0:\d+\S*: Video: rawvideo.*?, (?<w>\d{1,6})x(?<h>\d{1,6})\b")]
    private static partial Regex OutputStream();

    [GeneratedRegex(@", (?<fps>\d+(\.\d+)?) fps\b")]
    private static partial Regex FpsPart();
}
