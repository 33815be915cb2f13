namespace LunaPoint.Modules.Streams.Pages.Streams;

/// <summary>What the source field expects for each type; the examples are loopback addresses only.</summary>
internal static class StreamSourceHints
{
    public static readonly IReadOnlyList<(string Type, string Label, string Placeholder, string Hint)> All =
    [
        ("rtsp", "RTSP camera", "rtsp://127.0.0.1:8554/cam1", "An rtsp:// or rtsps:// URL; credentials may go in it (user:password@) and are masked when shown."),
        ("http", "HTTP stream (MJPEG, MPEG-TS)", "http://127.0.0.1:8080/live.ts", "An http:// or https:// URL of a live stream."),
        ("udp", "UDP stream", "udp://127.0.0.1:5000", "A udp:// URL the server listens on or joins."),
        ("tcp", "TCP stream", "tcp://127.0.0.1:5001", "A tcp:// URL of a raw stream."),
        ("videofile", "Video file on the server", "/var/lib/lunapoint/media/entrance.mp4", "An absolute path to a file under a media root (LunaPoint:Media:Roots)."),
        ("images", "Folder of images on the server", "/var/lib/lunapoint/media/frames", "An absolute path to a folder under a media root (LunaPoint:Media:Roots)."),
        ("webcam", "Webcam on the server", "0", "The device index, 0 to 63."),
    ];

    public static (string Type, string Label, string Placeholder, string Hint) For(string? type) =>
        All.FirstOrDefault(h => string.Equals(h.Type, type, StringComparison.OrdinalIgnoreCase)) is { Type: not null } hint ? hint : All[0];
}
