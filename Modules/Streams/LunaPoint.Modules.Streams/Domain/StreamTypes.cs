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
