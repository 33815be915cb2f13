using Microsoft.AspNetCore.HttpOverrides;

namespace LunaPoint.Host.Security;

internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// X-Forwarded-For/Proto/Host are believed only from the configured proxies: the defaults of ASP.NET
    /// Core are cleared, so nobody else can claim to be HTTPS or another client address. A forwarded host
    /// must be one of AllowedHosts, as a direct Host header must.
    /// </summary>
    public static void Configure(ForwardedHeadersOptions options, WebSecuritySettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(network);
        }

        options.AllowedHosts = settings.AllowedHosts.Contains("*") ? [] : settings.AllowedHosts.ToList();
    }
}
