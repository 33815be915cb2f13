using LunaPoint.SharedKernel.Files;
using LunaPoint.SharedKernel.Security;
using LunaPoint.Modules.Streams.Domain;
using LunaPoint.SharedKernel.Network;

namespace LunaPoint.Modules.Streams.Features;

/// <summary>What a source of each stream type must be.</summary>
internal static class SourceRules
{
    public const string AmbiguousUserInfo =
        "The user name or password holds an unencoded '@', ':', '/', '?' or '#', so the camera's host cannot be told for sure: " +
        "percent-encode them in the password (%40, %3A, %2F, %3F, %23).";

    public const string DeniedAddress = "The source must not point at a denied address range (LunaPoint:Network:DeniedRanges).";

    /// <returns>null when <paramref name="source"/> fits <paramref name="typeName"/>, else why not.</returns>
    public static string? Problem(string? typeName, string source, MediaRoots media, OutboundAddressPolicy network)
    {
        StreamTypes.TryParse(typeName, out var type);
        return type switch
        {
            StreamType.Rtsp => Network(source, network, "rtsp", "rtsps"),
            StreamType.Http => Network(source, network, "http", "https"),
            StreamType.Udp => Network(source, network, "udp") ?? NoOptions(source),
            StreamType.Tcp => Network(source, network, "tcp") ?? NoOptions(source),
            StreamType.VideoFile => media.Problem(source, folder: false),
            StreamType.Images => media.Problem(source, folder: true),
            StreamType.Webcam => int.TryParse(source, out var index) && index is >= 0 and < 64 ? null : "A webcam source is a device index from 0 to 63.",
            _ => null,
        };
    }

    /// <summary>
    /// ffmpeg reads a tcp:// or udp:// URL's query as its own options (<c>?listen=1</c> makes the server
    /// listen, <c>?localport=</c> binds a port on every interface), so those sources take none.
    /// </summary>
    private static string? NoOptions(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            ? "A tcp:// or udp:// source is a host and a port only: no user, query or fragment (ffmpeg would read them as its own options)."
            : null;

    /// <summary>
    /// A network source is opened by the step-5 video worker (ffmpeg), which dials without our connect
    /// callback, so a literal address in a denied range (169.254.169.254, fe80::1) is refused here. A host
    /// name resolving to a denied range cannot be judged at input (DNS changes): the worker must check the
    /// resolved addresses again before it connects.
    /// </summary>
    private static string? Network(string source, OutboundAddressPolicy network, params string[] schemes)
    {
        if (SecretMasking.HasAmbiguousUserInfo(source))
        {
            return AmbiguousUserInfo;
        }

        if (SecretMasking.IsOddlyWritten(source) || !Uri.TryCreate(source, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme) || string.IsNullOrEmpty(uri.Host))
        {
            return $"The source must be a URL starting with {string.Join(" or ", schemes.Select(s => s + "://"))} and naming a host (forward slashes only).";
        }

        return network.IsAllowed(uri) ? null : DeniedAddress;
    }
}
