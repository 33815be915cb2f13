namespace LunaPoint.Modules.Streams.Domain;

/// <summary>The stream types as clients name them, and what a source of each type must be.</summary>
internal static class StreamTypes
{
    private static readonly Dictionary<string, StreamType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rtsp"] = StreamType.Rtsp,
        ["http"] = StreamType.Http,
        ["udp"] = StreamType.Udp,
        ["tcp"] = StreamType.Tcp,
        ["videofile"] = StreamType.VideoFile,
        ["images"] = StreamType.Images,
        ["webcam"] = StreamType.Webcam,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out StreamType type) => ByName.TryGetValue(name ?? "", out type);

    public static string Name(StreamType type) => ByName.First(p => p.Value == type).Key;
}

internal static class SourceRules
{
    /// <returns>null when <paramref name="source"/> fits <paramref name="typeName"/>, else why not.</returns>
    public static string? Problem(string? typeName, string source)
    {
        StreamTypes.TryParse(typeName, out var type);
        return type switch
        {
            StreamType.Rtsp => Scheme(source, "rtsp", "rtsps"),
            StreamType.Http => Scheme(source, "http", "https"),
            StreamType.Udp => Scheme(source, "udp"),
            StreamType.Tcp => Scheme(source, "tcp"),
            StreamType.VideoFile => ReadableFile(source),
            StreamType.Images => ReadableFolder(source),
            StreamType.Webcam => int.TryParse(source, out var index) && index is >= 0 and < 64 ? null : "A webcam source is a device index from 0 to 63.",
            _ => null,
        };
    }

    private static string? Scheme(string source, params string[] schemes) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme) && !string.IsNullOrEmpty(uri.Host)
            ? null
            : $"The source must be a {string.Join(" or ", schemes)}:// URL with a host.";

    private static string? ReadableFile(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            return "The video file must be given as an absolute path on the server.";
        }

        try
        {
            using var file = File.OpenRead(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"The server cannot read the video file: {ex.Message}";
        }
    }

    private static string? ReadableFolder(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            return "The image folder must be given as an absolute path on the server.";
        }

        try
        {
            _ = Directory.EnumerateFiles(path).FirstOrDefault();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"The server cannot read the image folder: {ex.Message}";
        }
    }
}
