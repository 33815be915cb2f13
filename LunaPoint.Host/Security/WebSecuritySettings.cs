using System.Net;

namespace LunaPoint.Host.Security;

/// <summary>
/// <c>LunaPoint:Web</c>: which proxies may tell the host the client's address, scheme and host name.
/// Lists are separated by ';' or ',' so one environment variable can replace them whole (an array could
/// only be overridden item by item). Empty lists trust no proxy at all.
/// </summary>
internal sealed record WebSecuritySettings(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<IPNetwork> KnownNetworks, IReadOnlyList<string> AllowedHosts)
{
    public const string Section = "LunaPoint:Web";

    /// <summary>nginx on the same machine, proxying to 127.0.0.1, works without further settings.</summary>
    public const string DefaultKnownProxies = "127.0.0.1;::1";

    public static WebSecuritySettings From(IConfiguration configuration) => new(
        Split(configuration[$"{Section}:KnownProxies"] ?? DefaultKnownProxies).Select(Address).ToArray(),
        Split(configuration[$"{Section}:KnownNetworks"] ?? "").Select(Network).ToArray(),
        // The standard AllowedHosts key, which the host-filtering middleware of ASP.NET Core reads too.
        Split(configuration["AllowedHosts"] ?? "*").ToArray());

    private static IPAddress Address(string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw Invalid("KnownProxies", text, "an IP address");

    private static IPNetwork Network(string text) =>
        IPNetwork.TryParse(text, out var network) ? network : throw Invalid("KnownNetworks", text, "an address range like 10.0.0.0/8");

    private static InvalidOperationException Invalid(string key, string text, string expected) =>
        new($"{Section}:{key}: '{text}' is not {expected}.");

    private static IEnumerable<string> Split(string list) =>
        list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
