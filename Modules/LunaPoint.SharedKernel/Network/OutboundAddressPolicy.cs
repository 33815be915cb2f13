using System.Net;
using Microsoft.Extensions.Configuration;

namespace LunaPoint.SharedKernel.Network;

/// <summary>
/// Which addresses the server may send requests to (webhooks now, alert channels later). Link-local
/// addresses are denied by default: 169.254.169.254 is the cloud metadata service, which hands out
/// credentials to anyone on the machine. Setting <c>LunaPoint:Network:DeniedRanges</c> (CIDR list)
/// replaces the defaults, except <see cref="AlwaysDeniedRanges"/>: the unspecified addresses (0.0.0.0/8,
/// ::/128 and their IPv4-mapped forms) are denied whatever the setting says, because dialling them
/// reaches this machine's own services (Linux connects 0.0.0.0 and :: to loopback), so a list written
/// to deny loopback would otherwise be walked round by http://0.0.0.0:port/.
/// </summary>
public sealed class OutboundAddressPolicy
{
    public const string SettingKey = "LunaPoint:Network:DeniedRanges";

    public static readonly IReadOnlyList<string> DefaultDeniedRanges =
        // fd00:ec2::254 and 100.100.100.200 are the AWS (IPv6) and Alibaba Cloud metadata services.
        ["169.254.0.0/16", "fe80::/10", "0.0.0.0/8", "::ffff:169.254.0.0/112", "::ffff:0.0.0.0/104", "::/128", "fd00:ec2::254/128", "100.100.100.200/32"];

    /// <summary>Denied on top of any configured list: "this host" in either family, never a real destination.</summary>
    public static readonly IReadOnlyList<string> AlwaysDeniedRanges = ["0.0.0.0/8", "::/128", "::ffff:0.0.0.0/104"];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly IReadOnlyList<IPNetwork> _denied;

    public OutboundAddressPolicy(IEnumerable<string> deniedRanges)
    {
        _denied = deniedRanges.Select(Parse).Concat(AlwaysDeniedRanges.Select(Parse)).Distinct().ToList();
    }

    public IReadOnlyList<IPNetwork> DeniedRanges => _denied;

    public static OutboundAddressPolicy FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetSection(SettingKey).Get<string[]>();
        return new OutboundAddressPolicy(configured is { Length: > 0 } ? configured : DefaultDeniedRanges);
    }

    /// <summary>
    /// An IPv6 address that carries an IPv4 address is judged as that IPv4 address too: IPv4-mapped
    /// (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d, which a NAT64 gateway forwards to a.b.c.d), 6to4
    /// (2002:AABB:CCDD::, routed to the IPv4 relay AA.BB.CC.DD) and IPv4-compatible (::a.b.c.d). Otherwise
    /// ::ffff:169.254.169.254's siblings would reach the metadata service past an IPv4-only range.
    /// </summary>
    public bool IsAllowed(IPAddress address) =>
        !Candidates(address).Any(a => _denied.Any(range => range.Contains(a)));

    private static IEnumerable<IPAddress> Candidates(IPAddress address)
    {
        yield return address;
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            yield break;
        }

        var bytes = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6)
        {
            yield return address.MapToIPv4();
        }
        else if (Nat64.Contains(address))
        {
            yield return new IPAddress(bytes.AsSpan(12, 4));
        }
        else if (SixToFour.Contains(address))
        {
            yield return new IPAddress(bytes.AsSpan(2, 4));
        }
        else if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && bytes[12] != 0)
        {
            // IPv4-compatible ::a.b.c.d; :: and ::1 (first byte 0) are themselves, not 0.0.0.x.
            yield return new IPAddress(bytes.AsSpan(12, 4));
        }
    }

    /// <summary>
    /// For a URL whose host is an IP address written in any form a client library accepts (dotted,
    /// decimal 2852039166, hex 0xA9FEA9FE, octal, bracketed IPv6): whether it may be called. A host
    /// name is allowed here; its addresses are checked when connecting (<see cref="OutboundConnection"/>).
    /// </summary>
    public bool IsAllowed(Uri url) => LiteralAddress(url) is not { } address || IsAllowed(address);

    public static IPAddress? LiteralAddress(Uri url)
    {
        var host = url.HostNameType == UriHostNameType.IPv6 ? url.Host.Trim('[', ']') : url.Host;
        return IPAddress.TryParse(host, out var address) ? address : null;
    }

    private static IPNetwork Parse(string range) =>
        IPNetwork.TryParse(range.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"{SettingKey} holds '{range}', which is not a CIDR range such as 169.254.0.0/16.");
}
