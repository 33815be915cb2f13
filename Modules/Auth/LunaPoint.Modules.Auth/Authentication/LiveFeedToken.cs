using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Primitives;

namespace LunaPoint.Modules.Auth.Authentication;

/// <summary>
/// A browser cannot set headers on a WebSocket, so a live feed's client sends its token as
/// <c>access_token</c> in the query. Accepted only on the WebSocket upgrade of a SignalR hub: anywhere
/// else a token in a URL would end up in logs and browser history, and must not open the REST API.
/// The upgrade is read from the request headers: <c>HttpContext.WebSockets.IsWebSocketRequest</c> is
/// false at authentication time (the WebSockets middleware runs inside the hub's endpoint, after it).
/// </summary>
internal static class LiveFeedToken
{
    public const string QueryName = "access_token";

    public static string? From(HttpRequest request) =>
        IsWebSocketUpgrade(request)
        && request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is not null
        && request.Query.TryGetValue(QueryName, out var token) && !StringValues.IsNullOrEmpty(token)
            ? token.ToString()
            : null;

    /// <summary>HTTP/1.1: GET with <c>Upgrade: websocket</c> and <c>Connection: upgrade</c>; HTTP/2: extended CONNECT for websocket.</summary>
    internal static bool IsWebSocketUpgrade(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return HasToken(request.Headers.Upgrade, "websocket") && HasToken(request.Headers.Connection, "upgrade");
        }

        return HttpMethods.IsConnect(request.Method)
            && request.HttpContext.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect
            && string.Equals(connect.Protocol, "websocket", StringComparison.OrdinalIgnoreCase);
    }

    // Both headers are comma-separated lists ("keep-alive, Upgrade"); tokens compare case-insensitively.
    private static bool HasToken(StringValues header, string token) =>
        header.Any(value => value is not null
            && value.Split(',', StringSplitOptions.TrimEntries).Contains(token, StringComparer.OrdinalIgnoreCase));
}
