using System.Net;
using System.Net.Sockets;
using LunaPoint.SharedKernel.Network;

namespace LunaPoint.Modules.Notifications.Channels.Email;

/// <summary>
/// Dials the SMTP server ourselves so that <see cref="OutboundAddressPolicy"/> judges the address actually
/// connected to (after DNS, so a name re-pointed at a denied range is refused too); MailKit then speaks
/// SMTP over the socket with the host name, so TLS still checks the certificate against it.
/// </summary>
internal static class SmtpEndpoint
{
    public static async Task<Socket> ConnectAsync(string host, int port, OutboundAddressPolicy policy, CancellationToken cancellationToken)
    {
        var name = Unbracket(host);
        var addresses = IPAddress.TryParse(name, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(name, cancellationToken);
        var allowed = addresses.Where(a => IsUsable(a) && policy.IsAllowed(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new SmtpAddressRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// For the settings form: whether a host written as an IP address (any form <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
    /// reads, as the connect does: 127.1, 0x7f000001, [::1]) may be dialled. Names pass; their addresses are judged when connecting.
    /// </summary>
    public static bool IsAllowedHost(string host, OutboundAddressPolicy policy) =>
        !IPAddress.TryParse(Unbracket(host), out var address) || (IsUsable(address) && policy.IsAllowed(address));

    public static string Unbracket(string host) => host.Trim().Trim('[', ']');

    /// <summary>"Any", broadcast and multicast addresses are never a mail server, whatever the policy says.</summary>
    private static bool IsUsable(IPAddress address) =>
        !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.Broadcast)
        && !address.IsIPv6Multicast && !(address.AddressFamily == AddressFamily.InterNetwork && (address.GetAddressBytes()[0] & 0xF0) == 0xE0);
}

/// <summary>The SMTP host resolves only to addresses <c>LunaPoint:Network:DeniedRanges</c> (or common sense) refuses.</summary>
internal sealed class SmtpAddressRefusedException() : Exception($"refused by policy ({OutboundAddressPolicy.SettingKey})");
