using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace LunaPoint.Host.Security;

internal static class WebSecurityExtensions
{
    public static void AddLunaPointWebSecurity(this WebApplicationBuilder builder)
    {
        var settings = WebSecuritySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(o => ForwardedHeadersSetup.Configure(o, settings));
        // Host filtering moves into our pipeline, after the security headers (the framework's startup filter
        // ran it before any middleware of ours, so its 400 went out bare). An empty Host names no allowed host.
        foreach (var filter in builder.Services.Where(d => d.ServiceType == typeof(IStartupFilter)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.HostFilteringStartupFilter").ToList())
        {
            builder.Services.Remove(filter);
        }

        builder.Services.Configure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = settings.AllowedHosts.ToList();
            o.AllowEmptyHosts = settings.AllowedHosts.Contains("*");
        });
        // The antiforgery cookie's default never sets Secure; follow the (forwarded) scheme like the session cookie.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // The console has no client-side validation library; without this, every empty validation summary
        // renders <li style="display:none"> for it, an inline style the CSP refuses.
        builder.Services.Configure<MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
    }

    /// <summary>
    /// First in the pipeline: the headers every response carries (the host filter's 400 included), the
    /// host filter, the real client and scheme (from a known proxy) before anything reads them, then
    /// HSTS for requests that came over HTTPS.
    /// </summary>
    public static void UseLunaPointWebSecurity(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WebSecuritySettings>();
        var proxies = settings.KnownProxies.Select(p => p.ToString()).Concat(settings.KnownNetworks.Select(n => n.ToString())).ToList();
        WebSecurityLog.Started(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebSecurityLog)),
            string.Join(", ", settings.AllowedHosts),
            proxies.Count == 0 ? "nobody" : string.Join(", ", proxies));
        app.UseMiddleware<SecurityHeaders>();
        app.UseHostFiltering();
        // With no known proxy at all, ASP.NET Core's middleware would trust every sender: leave it out.
        if (settings.KnownProxies.Count > 0 || settings.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
    }

    /// <summary>After authentication: only then is it known that the cookie is what signed the request in.</summary>
    public static void UseApiCsrfProtection(this WebApplication app) => app.UseMiddleware<ApiCsrfProtection>();
}
