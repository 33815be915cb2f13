namespace LunaPoint.Host.Security;

internal static partial class WebSecurityLog
{
    /// <summary>
    /// Said once at start: a request under any other name gets a bare 400 from ASP.NET Core's host
    /// filter, so this is where an operator opening the console by IP learns which setting to change.
    /// </summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Answering to host names {AllowedHosts} (AllowedHosts); X-Forwarded-* believed from {Proxies} (LunaPoint:Web:KnownProxies/KnownNetworks)")]
    public static partial void Started(ILogger logger, string allowedHosts, string proxies);
}
