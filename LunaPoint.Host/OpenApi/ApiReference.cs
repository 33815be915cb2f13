using Scalar.AspNetCore;

namespace LunaPoint.Host.OpenApi;

/// <summary>The Scalar API reference: the product's own, without the vendor's promotions or outside calls.</summary>
internal static class ApiReference
{
    public static void Configure(ScalarOptions options) => options
        .WithTitle("LunaPoint API")
        // The product runs on closed networks: no fonts from a CDN, no telemetry, no AI agent or MCP links.
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp()
        // "Open in client" and the developer toolbar advertise the vendor's apps.
        .HideClientButton()
        .HideDeveloperTools()
        .PreferBearer()
        // A fresh nonce per request lets the page's scripts run under a CSP without 'unsafe-inline'.
        .WithNonce();

    private static ScalarOptions PreferBearer(this ScalarOptions options) =>
        options.AddPreferredSecuritySchemes(OpenApiSecurity.Bearer);
}
