using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LunaPoint.SharedKernel.Network;

/// <summary>
/// Checks the address actually connected to, after DNS: a webhook host that resolves to a denied
/// address (or is re-pointed there after validation, DNS rebinding) is refused before any byte is sent.
/// </summary>
public static class OutboundConnection
{
    /// <summary>A connect callback for <see cref="SocketsHttpHandler.ConnectCallback"/> that only dials allowed addresses.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(OutboundAddressPolicy policy) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.Where(policy.IsAllowed).ToList();
            if (allowed.Count == 0)
            {
                throw new OutboundAddressRefusedException($"Outgoing requests to {host} are refused: it resolves only to denied addresses ({OutboundAddressPolicy.SettingKey}).");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    /// <summary>
    /// A handler for senders (webhooks, alert channels) that honours the policy. No proxy: through one, the
    /// connect callback would judge the proxy's address, and the proxy would dial the denied target for us.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(OutboundAddressPolicy policy) =>
        new() { ConnectCallback = ConnectCallback(policy), PooledConnectionLifetime = TimeSpan.FromMinutes(2), UseProxy = false };

    /// <summary>Registers the policy once (from configuration); any module may call it.</summary>
    public static IServiceCollection AddOutboundAddressPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => OutboundAddressPolicy.FromConfiguration(configuration));
        return services;
    }

    /// <summary>Makes an <c>HttpClient</c> from the factory connect only to allowed addresses.</summary>
    public static IHttpClientBuilder UseOutboundAddressPolicy(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler(services => CreateHandler(services.GetRequiredService<OutboundAddressPolicy>()));
}

/// <summary>
/// The connect callback refused every address of the host: a decision of the policy, not a network fault,
/// so retrying cannot help (senders treat it as permanent). The handler wraps it in another
/// <see cref="HttpRequestException"/>; look for it among the inner exceptions (<see cref="IsIn"/>).
/// </summary>
public sealed class OutboundAddressRefusedException(string message) : HttpRequestException(HttpRequestError.ConnectionError, message)
{
    public static bool IsIn(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is OutboundAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}
