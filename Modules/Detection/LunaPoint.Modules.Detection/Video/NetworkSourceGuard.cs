using System.Net;
using System.Net.Sockets;
using LunaPoint.SharedKernel.Network;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>
/// Judges a network source's addresses before ffmpeg dials it. Streams refused literal denied addresses
/// on input, but a host name may resolve to a denied range (169.254.169.254, the cloud metadata service)
/// then or later; every address it resolves to must be allowed. ffmpeg resolves the name again itself, so
/// a name re-pointed between this check and ffmpeg's connect (DNS rebinding within milliseconds) and an
/// HTTP or RTSP redirect followed by ffmpeg are not covered; the check runs right before every launch to
/// keep that window small.
/// </summary>
internal sealed class NetworkSourceGuard(IHostResolver resolver, OutboundAddressPolicy policy)
{
    public async ValueTask CheckAsync(string source, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FrameSourceException("the source is not a URL naming a host");
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        IPAddress[] addresses;
        if (OutboundAddressPolicy.LiteralAddress(uri) is { } literal)
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(host, cancellationToken);
            }
            catch (SocketException ex)
            {
                throw new FrameSourceException($"unknown host {host}: the name does not resolve ({ex.SocketErrorCode})", ex);
            }
        }

        if (addresses.Length == 0)
        {
            throw new FrameSourceException($"unknown host {host}: the name resolves to no address");
        }

        // The address itself is not named: a refusal must not map the internal network for the caller.
        if (!addresses.All(policy.IsAllowed))
        {
            throw new FrameSourceException(
                $"the source host {host} resolves to a denied address range ({OutboundAddressPolicy.SettingKey}); no connection was made");
        }
    }
}
