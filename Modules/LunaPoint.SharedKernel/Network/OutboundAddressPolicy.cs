using System.Net;
using Microsoft.Extensions.Configuration;

namespace LunaPoint.SharedKernel.Network;

/// <summary>
/// Which addresses the server may send requests to (webhooks now, alert channels later). Link-local
/// addresses are denied by default: 169.254.169.254 is the cloud metadata service, which hands out
/// credentials to anyone on the machine. Setting <c>LunaPoint:Network:DeniedRanges</c> (CIDR list)
/// replaces the defaults.
/// </summary>
public sealed class OutboundAddressPolicy
{
    public const string SettingKey = "LunaPoint:Network:DeniedRanges";

    public static readonly IReadOnlyList<string> DefaultDeniedRanges =
        ["169.254.0.0/16", "fe80::/10", "0.0.0.0/8", "::ffff:169.254.0.0/112", "::ffff:0.0.0.0/104", "::/128"];

    private readonly IReadOnlyList<IPNetwork> _denied;

    public OutboundAddressPolicy(IEnumerable<string> deniedRanges)
    {
        _denied = deniedRanges.Select(Parse).ToList();
    }

    public IReadOnlyList<IPNetwork> DeniedRanges => _denied;

    public static OutboundAddressPolicy FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetSection(SettingKey).Get<string[]>();
        return new OutboundAddressPolicy(configured is { Length: > 0 } ? configured : DefaultDeniedRanges);
    }

    /// <summary>IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are judged as the IPv4 address they carry.</summary>
    public bool IsAllowed(IPAddress address)
    {
        var candidates = address.IsIPv4MappedToIPv6 ? new[] { address, address.MapToIPv4() } : [address];
        return !candidates.Any(a => _denied.Any(range => range.Contains(a)));
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
