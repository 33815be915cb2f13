using LunaPoint.Host.ErrorHandling;
using LunaPoint.Host.Health;
using LunaPoint.Host.Navigation;
using LunaPoint.Host.OpenApi;
using LunaPoint.Host.Security;
using Scalar.AspNetCore;

namespace LunaPoint.Host;

/// <summary>What the host adds around the modules: errors, health, OpenAPI, console pages, shutdown.</summary>
internal static class HostSetup
{
    public static void AddLunaPointHost(this WebApplicationBuilder builder)
    {
        // Serve wwwroot and the modules' static assets from the build output in every environment, not
        // only Development; a published build carries its own copy and this is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        // Without this, a build-output run adds a GET catch-all for files created after the build, which
        // shadows every other method on every path (405 instead of 404). The product has no such files.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        builder.Services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("LunaPoint:ShutdownTimeoutSeconds", 30)));

        builder.AddLunaPointWebSecurity();
        builder.Services.AddLunaPointErrorHandling();
        builder.Services.AddLunaPointMediator();
        LunaPoint.SharedKernel.Validation.ValidationConventions.Apply();
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "LunaPoint API";
            document.Info.Description = "Face and body video analytics: streams, events, watchlists, notifications.";
            return Task.CompletedTask;
        }).AddLunaPointSecurity());
        builder.Services.AddRazorPages();
        builder.Services.AddSingleton<NavigationMenu>();
    }

    public static void UseLunaPointHost(this WebApplication app)
    {
        app.UseLunaPointWebSecurity();
        app.UseLunaPointErrorHandling();
        app.UseRouting();
        app.UseApiRoutingErrors();
        app.UseModules();
        app.UseApiCsrfProtection();
    }

    public static void MapLunaPointHost(this WebApplication app)
    {
        // Open to anyone: CSS and images (the sign-in page needs them), probes, the API description.
        // Everything else needs a signed-in role (the fallback policy); the Auth tests keep this list.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapLunaPointHealth();
        app.MapOpenApi().AllowAnonymous();
        // The API reference is served from the package's embedded files: the product runs on closed networks.
        app.MapScalarApiReference(ApiReference.Configure).AllowAnonymous();
    }
}
