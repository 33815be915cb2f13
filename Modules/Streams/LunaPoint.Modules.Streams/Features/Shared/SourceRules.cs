using LunaPoint.Modules.Streams.Domain;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>What a source of each stream type must be.</summary>
internal static class SourceRules
{
    /// <returns>null when <paramref name="source"/> fits <paramref name="typeName"/>, else why not.</returns>
    public static string? Problem(string? typeName, string source, MediaRoots media)
    {
        StreamTypes.TryParse(typeName, out var type);
        return type switch
        {
            StreamType.Rtsp => Scheme(source, "rtsp", "rtsps"),
            StreamType.Http => Scheme(source, "http", "https"),
            StreamType.Udp => Scheme(source, "udp"),
            StreamType.Tcp => Scheme(source, "tcp"),
            StreamType.VideoFile => media.Problem(source, folder: false),
            StreamType.Images => media.Problem(source, folder: true),
            StreamType.Webcam => int.TryParse(source, out var index) && index is >= 0 and < 64 ? null : "A webcam source is a device index from 0 to 63.",
            _ => null,
        };
    }

    private static string? Scheme(string source, params string[] schemes) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme) && !string.IsNullOrEmpty(uri.Host)
            ? null
            : $"The source must be a {string.Join(" or ", schemes)}:// URL with a host.";
}
