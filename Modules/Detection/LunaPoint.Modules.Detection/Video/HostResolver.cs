using System.Net;

namespace LunaPoint.Modules.Detection.Video;

/// <summary>Name resolution for network sources; replaceable so tests can point a name anywhere without DNS.</summary>
internal interface IHostResolver
{
    ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

internal sealed class DnsHostResolver : IHostResolver
{
    public async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken);
}
